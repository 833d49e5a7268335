// Arrow keys on the canvas move the selection to the nearest node in that
// direction, as a user reads the picture: only nodes lying within 45° of the
// arrow count, and one straight ahead beats one as far away but off to a side.
import type { Point } from '../canvas/layout';

export type Direction = 'left' | 'right' | 'up' | 'down';

const AXIS: Record<Direction, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * The node to select after pressing the arrow `dir` with `from` selected, or
 * null when nothing lies that way. Without a selection, the top-left node.
 */
export function nearestInDirection(positions: Readonly<Record<string, Point>>, from: string | null, dir: Direction): string | null {
  const ids = Object.keys(positions);
  const start = from ? positions[from] : undefined;
  if (!start) {
    const sorted = ids.sort((a, b) => positions[a]!.y - positions[b]!.y || positions[a]!.x - positions[b]!.x);
    return sorted[0] ?? null;
  }
  const axis = AXIS[dir];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const id of ids) {
    if (id === from) continue;
    const p = positions[id]!;
    const dx = p.x - start.x;
    const dy = p.y - start.y;
    const ahead = dx * axis.x + dy * axis.y;
    const aside = Math.abs(dx * axis.y - dy * axis.x);
    if (ahead <= 0 || aside > ahead) continue;
    // Sideways distance counts double: the node straight ahead wins.
    const score = ahead + 2 * aside;
    if (score < bestScore || (score === bestScore && best !== null && id < best)) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
