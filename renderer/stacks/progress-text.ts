// One sentence for an action's progress, shared by the stacks list's bar and
// the stack header: "5 of 12 resources complete · 1 in progress · 6 not
// started". An update counts only the resources it changes, and says so.
import type { ActionProgress } from '../../shared/cloud/resource-phase';
import type { Translate } from '../i18n/translate';

export function progressText(t: Translate, p: ActionProgress): string {
  const head = t(p.scope === 'changed' ? 'stacks.progressChanged' : 'stacks.progress', { done: p.done, total: p.total });
  const parts = [head];
  if (p.running) parts.push(t('stacks.progressRunning', { n: p.running }));
  if (p.waiting) parts.push(t('stacks.progressWaiting', { n: p.waiting }));
  if (p.failed) parts.push(t('stacks.progressFailed', { n: p.failed }));
  return parts.join(' · ');
}

/** The bar's filled share: what has ended, done or failed. */
export function progressPercent(p: ActionProgress | undefined): number {
  return p && p.total ? Math.round((100 * (p.done + p.failed)) / p.total) : 0;
}
