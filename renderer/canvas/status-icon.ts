// The editor's kind icon with a status badge in its corner, for the live
// topology: status is told by the badge's shape (a tick, a cross, a circular
// arrow, a hollow dotted ring), not only by its colour. One data URI per
// kind and status, cached.
import type { Kind } from '../../shared/topology/kinds';
import { iconMarkup } from './icons';

export type StatusBadge = 'complete' | 'failed' | 'progress' | 'waiting' | 'other';

const BADGE: Record<StatusBadge, string> = {
  complete:
    '<circle cx="19" cy="19" r="5" fill="#1a7f37" stroke="#fff" stroke-width="1.2"/><path d="M16.6 19.2l1.7 1.7 3.2-3.4" fill="none" stroke="#fff" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>',
  failed:
    '<circle cx="19" cy="19" r="5" fill="#cf222e" stroke="#fff" stroke-width="1.2"/><path d="M17 17l4 4M21 17l-4 4" fill="none" stroke="#fff" stroke-width="1.6" stroke-linecap="round"/>',
  progress:
    '<circle cx="19" cy="19" r="5" fill="#0969da" stroke="#fff" stroke-width="1.2"/><path d="M21.4 17.6a2.8 2.8 0 1 0 .4 2.2M21.6 16.2v1.6h-1.6" fill="none" stroke="#fff" stroke-width="1.3" stroke-linecap="round" stroke-linejoin="round"/>',
  waiting: '<circle cx="19" cy="19" r="4.6" fill="#fff" stroke="#57606a" stroke-width="1.4" stroke-dasharray="1.6 1.4"/>',
  other: '',
};

const cache = new Map<string, string>();

export function statusIconUri(kind: Kind, badge: StatusBadge): string {
  const key = `${kind}/${badge}`;
  let uri = cache.get(key);
  if (!uri) {
    uri = `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">${iconMarkup(kind)}${BADGE[badge]}</svg>`)}`;
    cache.set(key, uri);
  }
  return uri;
}
