// Recommended system templates are shown in the UI language; the library
// keeps their English name (stable across locales, searchable).
import type { TemplateSummary } from '../../shared/library/model';
import type { Translate } from '../i18n/translate';

type HasKey = (key: string) => boolean;

export function displayName(t: Translate, te: HasKey, tpl: Pick<TemplateSummary, 'name' | 'systemKey'>): string {
  const key = `recommendedTemplates.${tpl.systemKey}.name`;
  return tpl.systemKey && te(key) ? t(key) : tpl.name;
}

export function displayDescription(t: Translate, te: HasKey, tpl: Pick<TemplateSummary, 'description' | 'systemKey'>): string {
  const key = `recommendedTemplates.${tpl.systemKey}.description`;
  return tpl.systemKey && te(key) ? t(key) : tpl.description;
}

/** `wanted`, or the first of "wanted (2)", "wanted (3)"… not in `taken` (as main's LibraryService.freeName numbers them). */
export function freeName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} (${i})`)) return `${wanted} (${i})`;
}
