// The deploy form's pickers: which constraints a form's fields need listed,
// and a choice's facts as one line of text ("1 vCPU · 512 MiB RAM · 1 GiB disk").
import { pickableConstraint, type Choice, type ChoiceFact } from '../../shared/existing/choices';
import type { FieldGroup } from './parameter-form';

export function constraintsOf(groups: readonly FieldGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.fields.map((f) => pickableConstraint(f.constraints)).filter((c): c is NonNullable<typeof c> => !!c)))];
}

type Translate = (key: string, params: Record<string, unknown>) => string;

function factText(f: ChoiceFact, t: Translate): string | null {
  if (typeof f.value === 'boolean') return f.value ? t(`pickers.facts.${f.key}`, {}) : null;
  const v = f.key === 'sizeBytes' && typeof f.value === 'number' ? (f.value / 1048576).toFixed(1) : f.value;
  return t(`pickers.facts.${f.key}`, { v });
}

export function factsText(c: Choice, t: Translate): string {
  return c.facts.map((f) => factText(f, t)).filter((s): s is string => !!s).join(' · ');
}

/** The choice a typed value names (by value, name or id, as Heat resolves it). */
export function chosen(list: readonly Choice[], value: string): Choice | null {
  return list.find((c) => c.value === value) ?? list.find((c) => c.id === value) ?? list.find((c) => c.name === value) ?? null;
}
