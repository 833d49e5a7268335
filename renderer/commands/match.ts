// The command palette's matcher and ranking, pure so they are unit-tested.
// A query matches an action when every word of it is found, in order
// (a subsequence), in one of the action's names: the English one, the
// Chinese one, or a keyword (a HOT type, a resource name). Chinese has no
// spaces, so a CJK character counts as the start of a word.

export interface Matchable {
  id: string;
  /** Every name the action goes by, in any language. */
  names: readonly string[];
}

export interface Ranked<T extends Matchable> {
  item: T;
  score: number;
  /** Indexes of the matched characters in `matchedName` (for highlighting). */
  matchedName: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text[i - 1] as string;
  const cur = text[i] as string;
  if (CJK.test(cur)) return true;
  if (/[\s:/_\-.(),·]/.test(prev)) return true;
  // camelCase and OS::Nova::Server
  return /[a-z0-9]/.test(prev) && /[A-Z]/.test(cur);
}

/**
 * How well one word of the query matches `text`: null when its characters
 * are not all there in order. A match at a word start beats one inside a
 * word; a run of consecutive characters beats scattered ones; a match
 * nearer the start beats a later one.
 */
export function wordScore(word: string, text: string): number | null {
  if (!word) return 0;
  const w = word.toLowerCase();
  const lower = text.toLowerCase();
  // A whole substring: the best kind, better still at a word start.
  let best: number | null = null;
  for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
    const s = 100 + w.length * 10 + (isWordStart(text, at) ? 60 : 0) - Math.min(at, 30);
    if (best === null || s > best) best = s;
  }
  if (best !== null) return best;
  // A subsequence, greedy from the left, preferring word starts.
  let score = 0;
  let pos = 0;
  let prevMatch = -2;
  for (const ch of w) {
    let found = -1;
    // Prefer the next word start holding this character, else the next occurrence.
    for (let i = pos; i < lower.length; i++) {
      if (lower[i] === ch && isWordStart(text, i)) {
        found = i;
        break;
      }
    }
    const next = lower.indexOf(ch, pos);
    if (next < 0) return null;
    if (found < 0 || (next === prevMatch + 1 && next < found)) found = next;
    score += found === prevMatch + 1 ? 8 : isWordStart(text, found) ? 6 : 1;
    score -= Math.min(found - pos, 10) * 0.5;
    prevMatch = found;
    pos = found + 1;
  }
  return score;
}

/** Score of a whole query against one name: every word must match; null otherwise. */
export function nameScore(query: string, name: string): number | null {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return 0;
  let total = 0;
  for (const w of words) {
    const s = wordScore(w, name);
    if (s === null) return null;
    total += s;
  }
  // Shorter names win ties: "Add server" before "Add server group".
  return total - name.length * 0.05;
}

/** The best score over an item's names, and which name gave it. */
export function matchItem(query: string, item: Matchable): { score: number; name: string } | null {
  let best: { score: number; name: string } | null = null;
  for (const name of item.names) {
    const s = nameScore(query, name);
    if (s !== null && (best === null || s > best.score)) best = { score: s, name };
  }
  return best;
}

/** What a recent use is worth in the ranking: the most recent most, fading over the last ten. */
export function recentBonus(id: string, recent: readonly string[]): number {
  const i = recent.indexOf(id);
  return i < 0 || i >= 10 ? 0 : 60 - i * 5;
}

/**
 * The palette's list: without a query, the recently used actions first
 * (most recent first), then the others in the order they were registered;
 * with one, the matches best first, a recent use lifting an action above
 * an equally good match.
 */
export function rank<T extends Matchable>(items: readonly T[], query: string, recent: readonly string[]): Ranked<T>[] {
  const q = query.trim();
  const order = new Map(items.map((it, i) => [it.id, i]));
  if (!q) {
    const recentItems = recent.map((id) => items.find((it) => it.id === id)).filter((it): it is T => !!it);
    const seen = new Set(recentItems.map((it) => it.id));
    return [...recentItems, ...items.filter((it) => !seen.has(it.id))].map((item) => ({ item, score: 0, matchedName: item.names[0] ?? '' }));
  }
  const out: Ranked<T>[] = [];
  for (const item of items) {
    const m = matchItem(q, item);
    if (m) out.push({ item, score: m.score + recentBonus(item.id, recent), matchedName: m.name });
  }
  return out.sort((a, b) => b.score - a.score || (order.get(a.item.id) ?? 0) - (order.get(b.item.id) ?? 0));
}

/** The recent list after using `id`: it moves to the front, the list keeps `limit` entries. */
export function pushRecent(recent: readonly string[], id: string, limit = 20): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, limit);
}
