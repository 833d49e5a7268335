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
