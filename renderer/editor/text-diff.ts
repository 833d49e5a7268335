// Small text helpers for the YAML view, pure.

/** The one replacement that turns `a` into `b`: common prefix and suffix kept. */
export function minimalChange(a: string, b: string): { from: number; to: number; insert: string } {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return { from: start, to: endA, insert: b.slice(start, endB) };
}

/** The resource name a `get_resource`/`get_attr`/`depends_on` at column `col` of a line refers to. */
export function referenceAt(line: string, col: number): string | undefined {
  const patterns = [/get_resource:\s*["']?([\w.-]+)/g, /get_attr:\s*\[\s*["']?([\w.-]+)/g, /depends_on:\s*\[?\s*["']?([\w.-]+)/g];
  for (const re of patterns) {
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const name = m[1] as string;
      const start = m.index + m[0].length - name.length;
      if (col >= m.index && col <= start + name.length) return name;
    }
  }
  return undefined;
}
