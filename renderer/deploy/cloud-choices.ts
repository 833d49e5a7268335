// The deploy form's pickers: which constraints a form's fields need listed,
// and a choice's facts as one line of text ("1 vCPU · 512 MiB RAM · 1 GiB disk").
import { pickableConstraint, type Choice, type ChoiceFact } from '../../shared/existing/choices';
import type { FieldGroup } from './parameter-form';
import { formatBytes, formatNumber } from '../i18n/format';
import type { UiLocale } from '../../shared/messages/word';

export function constraintsOf(groups: readonly FieldGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.fields.map((f) => pickableConstraint(f.constraints)).filter((c): c is NonNullable<typeof c> => !!c)))];
}

type Translate = (key: string, params: Record<string, unknown>) => string;

function factText(f: ChoiceFact, t: Translate, locale: UiLocale): string | null {
  if (typeof f.value === 'boolean') return f.value ? t(`pickers.facts.${f.key}`, {}) : null;
  const v =
    f.key === 'sizeBytes' && typeof f.value === 'number' ? formatBytes(f.value, locale) : typeof f.value === 'number' ? formatNumber(f.value, locale) : f.value;
  return t(`pickers.facts.${f.key}`, { v });
}

export function factsText(c: Choice, t: Translate, locale: UiLocale = 'en'): string {
  return c.facts
    .map((f) => factText(f, t, locale))
    .filter((s): s is string => !!s)
    .join(' · ');
}

/** The choice a typed value names (by value, name or id, as Heat resolves it). */
export function chosen(list: readonly Choice[], value: string): Choice | null {
  return list.find((c) => c.value === value) ?? list.find((c) => c.id === value) ?? list.find((c) => c.name === value) ?? null;
}
