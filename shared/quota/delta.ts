// What a stack *update* adds to the project's usage: the new template's count
// minus what the stack holds now. Heat replaces in place what both have, so
// an update that keeps two servers adds none, even at the limit; one that
// goes from two to three adds one. Pure, like count.ts.
import { emptyCount, type CanvasCount } from './count';
import { QUOTA_KINDS } from './kinds';

/**
 * Per kind: known = next - current (negative when the update frees some).
 * Unknown parts of either side make the difference unknown too (the new ones
 * as they are, the current ones named as "now in the stack"), and unknown
 * never blocks a deploy.
 */
export function updateDelta(next: CanvasCount, current: CanvasCount): CanvasCount {
  const out = emptyCount();
  for (const kind of QUOTA_KINDS) {
    const n = next[kind];
    const c = current[kind];
    out[kind] = {
      known: n.known - c.known,
      unknown: [...n.unknown, ...c.unknown.map((u) => ({ ...u, resource: `${u.resource} (now in the stack)` }))],
      by: [...n.by, ...c.by.map((b) => ({ resource: `${b.resource} (now in the stack)`, amount: -b.amount }))],
    };
  }
  return out;
}
