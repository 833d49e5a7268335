// Values that are already known are not asked again (issue 15): the
// environments a deploy sends (the library version's stored one, then the
// file picked in the dialog) supply parameter values, and the form starts
// with them, says where they come from, and stops calling those fields
// required. Heat's rule is followed: later environments win, and any
// environment's `parameters` beat every `parameter_defaults`; what the person
// typed beats both.
import { parseTemplate } from '../../shared/hot/template';
import { toValue } from '../../shared/hot/node';
import { defaultText, initialValues, typedSince, type FieldGroup } from './parameter-form';

/** One environment a deploy sends, with the words that say where it comes from. */
export interface SuppliedEnvironment {
  /** Shown beside the fields it fills: a file name, or "stored with v3". */
  source: string;
  text: string | null;
}

export interface SuppliedValue {
  value: unknown;
  source: string;
}

function section(env: unknown, key: 'parameters' | 'parameter_defaults'): Record<string, unknown> {
  const v = env && typeof env === 'object' && !Array.isArray(env) ? (env as Record<string, unknown>)[key] : undefined;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Each parameter an environment supplies, with the environment that wins for it (a broken environment supplies nothing: Heat reports it). */
export function suppliedValues(environments: readonly SuppliedEnvironment[]): Map<string, SuppliedValue> {
  const defaults = new Map<string, SuppliedValue>();
  const parameters = new Map<string, SuppliedValue>();
  for (const e of environments) {
    if (!e.text) continue;
    const env = toValue(parseTemplate(e.text, 'environment').root);
    for (const [k, value] of Object.entries(section(env, 'parameter_defaults'))) defaults.set(k, { value, source: e.source });
    for (const [k, value] of Object.entries(section(env, 'parameters'))) parameters.set(k, { value, source: e.source });
  }
  return new Map([...defaults, ...parameters]);
}

/** The form's fields with the environments' values as their defaults: shown filled, not required, and not sent again (the environment carries them). */
export function withEnvironments(groups: readonly FieldGroup[], environments: readonly SuppliedEnvironment[]): FieldGroup[] {
  const supplied = suppliedValues(environments);
  return groups.map((g) => ({
    ...g,
    fields: g.fields.map((f) => {
      const s = supplied.get(f.name);
      const text = s ? defaultText(f.type, s.value) : null;
      return s && text !== null ? { ...f, defaultText: text, fromEnvironment: s.source } : f;
    }),
  }));
}

/** The values after the form's defaults changed (another environment picked): the new defaults, except what the person typed since `baseline`. */
export function valuesAfterDefaultsChange(
  baseline: Readonly<Record<string, string>>,
  values: Readonly<Record<string, string>>,
  groups: readonly FieldGroup[],
): Record<string, string> {
  const typed = typedSince(baseline, values, {});
  const fresh = initialValues(groups);
  for (const k of Object.keys(fresh)) if (k in typed) fresh[k] = typed[k]!;
  return fresh;
}
