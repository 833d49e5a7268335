import { describe, expect, it } from 'vitest';
import { balancedLayout } from '../../../../renderer/canvas/balanced-layout';

const chain = (n: number) => ({
  nodes: Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}` })),
  // r(i+1) depends on r(i)
  edges: Array.from({ length: n - 1 }, (_, i) => ({ source: `r${i + 2}`, target: `r${i + 1}` })),
});
const view = { width: 1000, height: 450 };
/** The zoom a fit into the viewport ends at (never past 1). */
const fitZoom = (l: { width: number; height: number }) => Math.min(1, view.width / l.width, view.height / l.height);

describe('the balanced layout', () => {
  it('keeps a short chain as the editor draws it: one column, dependencies above', () => {
    const { nodes, edges } = chain(3);
    const l = balancedLayout(nodes, edges, { columnGap: 170, rowGap: 110, viewport: view });
    expect(l.bands).toBe(1);
    expect(l.cells.r1!.y).toBeLessThan(l.cells.r2!.y);
    expect(l.cells.r2!.y).toBeLessThan(l.cells.r3!.y);
    expect(new Set(Object.values(l.cells).map((c) => c.x)).size).toBe(1);
  });

  it('cuts a 12-resource chain into side-by-side bands that fit the viewport at 100 %', () => {
    const { nodes, edges } = chain(12);
    const plain = balancedLayout(nodes, edges, { columnGap: 170, rowGap: 110, viewport: { width: 1e6, height: 1e6 } });
    expect(plain.bands).toBe(1);
    expect(fitZoom(plain)).toBeLessThan(0.4); // 12 layers of 110 px in 450 px: nodes at a third of their size
    const l = balancedLayout(nodes, edges, { columnGap: 170, rowGap: 110, viewport: view });
    expect(l.bands).toBeGreaterThan(1);
    expect(fitZoom(l)).toBe(1);
    // Reading order kept: down each band, then the next band to the right.
    const cells = nodes.map((n) => l.cells[n.id]!);
    for (let i = 1; i < cells.length; i++) {
      const [a, b] = [cells[i - 1]!, cells[i]!];
      expect(b.y > a.y || b.x > a.x).toBe(true);
    }
    // No two nodes share a cell.
    expect(new Set(cells.map((c) => `${c.x},${c.y}`)).size).toBe(12);
  });

  it('wraps a wide layer into a block of about the viewport’s shape', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => ({ id: `m${i}` }));
    const l = balancedLayout(nodes, [], { columnGap: 150, rowGap: 100, viewport: view });
    const ratio = l.width / l.height;
    expect(ratio).toBeGreaterThan(1.2);
    expect(ratio).toBeLessThan(4);
  });

  it('gives a big node (an expanded nested stack) its room: nothing overlaps it', () => {
    const nodes = [{ id: 'a' }, { id: 'big', width: 600, height: 400 }, { id: 'c' }];
    const l = balancedLayout(nodes, [], { columnGap: 170, rowGap: 110, viewport: view, maxPerRow: 3 });
    const box = (id: string) => {
      const c = l.cells[id]!;
      return { x1: c.x - c.width / 2, x2: c.x + c.width / 2, y1: c.y - c.height / 2, y2: c.y + c.height / 2 };
    };
    const overlap = (p: ReturnType<typeof box>, q: ReturnType<typeof box>) => p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2;
    expect(l.cells.big).toMatchObject({ width: 600, height: 400 });
    expect(overlap(box('a'), box('big'))).toBe(false);
    expect(overlap(box('c'), box('big'))).toBe(false);
  });

  it('is linear enough for a 5,000-node chain', () => {
    const { nodes, edges } = chain(5000);
    const t0 = performance.now();
    const l = balancedLayout(nodes, edges, { viewport: view });
    expect(Object.keys(l.cells)).toHaveLength(5000);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
