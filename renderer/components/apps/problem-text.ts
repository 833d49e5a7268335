// A check problem in the UI language: translated by its stable code, with the
// English message from main as the fallback for a code this build lacks.
import type { AppCheckProblem } from '../../../shared/apps/problems';
import type { Translate } from '../../i18n/translate';

export function problemText(t: Translate, te: (key: string) => boolean, p: AppCheckProblem): string {
  const key = `apps.check.${p.code}`;
  if (!te(key)) return p.message;
  const params: Record<string, unknown> = { ...p.params };
  // The access kind is a word in the sentence, so it is translated too.
  if (p.code === 'APP_ACCESS_PORT') params.kind = t(p.params.kind === 'app access' ? 'apps.field.appAccess' : 'apps.field.serviceAccess');
  return t(key, params);
}
