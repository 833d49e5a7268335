// The quota verdict in the user's language, for the deploy and update
// dialogs: the kinds over quota ("Instances 2/1") and the kinds unknown, from
// a verdict main computed (quota.checkDeploy / quota.checkUpdate), and main's
// QUOTA_EXCEEDED refusal re-said from its details (main's message is English).
import { StudioError } from '../api/client';
import { uiErrorText, uiLocale } from '../i18n/ui-error';
import { formatDateTime } from '../i18n/format';
import type { QuotaCheck } from '../../shared/quota/verdict';
import type { Translate } from '../i18n/translate';

/** What is being judged: a create counts the whole template, an update only what it adds. */
export type QuotaAction = 'deploy' | 'update';

interface OverKind {
  kind: string;
  total: number | null;
  limit: number | null;
}

function overText(kinds: OverKind[], t: Translate): string {
  return kinds.map((k) => `${t(`quota.kinds.${k.kind}`)} ${k.total}/${k.limit}`).join(', ');
}

/** "Instances 2/1, vCPUs 4/2" for the kinds over quota; empty when none is. */
export function overKinds(check: QuotaCheck | null, t: Translate): string {
  return check
    ? overText(
        check.kinds.filter((k) => k.relevant && k.state === 'over'),
        t,
      )
    : '';
}

/** The kinds the template uses whose quota, usage or count is unknown (they never block). */
export function unknownKinds(check: QuotaCheck | null, t: Translate): string {
  return check
    ? check.kinds
        .filter((k) => k.relevant && k.state === 'unknown')
        .map((k) => t(`quota.kinds.${k.kind}`))
        .join(', ')
    : '';
}

/** The message of an error from main, QUOTA_EXCEEDED said in the user's language. */
export function errorText(err: unknown, t: Translate): string {
  if (err instanceof StudioError && err.code === 'QUOTA_EXCEEDED') {
    const kinds = err.details?.kinds as OverKind[] | undefined;
    const action = err.details?.action as QuotaAction | undefined;
    if (Array.isArray(kinds) && kinds.length && (action === 'deploy' || action === 'update')) {
      const staleAt = typeof err.details?.staleAt === 'string' ? err.details.staleAt : null;
      const text = t(`quota.blocked.${action}`, { kinds: overText(kinds, t) });
      return staleAt ? `${text} ${t('quota.blocked.stale', { time: formatDateTime(staleAt, uiLocale()) })}` : text;
    }
  }
  return uiErrorText(err);
}
