import { describe, expect, it } from 'vitest';
import { layeredLayout, mergeLayout, ranks } from '../../../../renderer/canvas/layout';

const nodes = ['ext', 'router', 'net', 'port', 'server'].map((id) => ({ id }));
const edges = [
  { source: 'router', target: 'ext' },
  { source: 'port', target: 'net' },
  { source: 'server', target: 'port' },
  { source: 'net', target: 'router' },
];

describe('the layered layout', () => {
  it('puts what a resource depends on above it', () => {
    const p = layeredLayout(nodes, edges);
    expect(p.ext?.y).toBeLessThan(p.router?.y ?? 0);
    expect(p.router?.y).toBeLessThan(p.net?.y ?? 0);
    expect(p.port?.y).toBeLessThan(p.server?.y ?? 0);
  });

  it('is pure: the same graph gives the same positions and the input is untouched', () => {
    const copy = JSON.stringify({ nodes, edges });
    expect(layeredLayout(nodes, edges)).toEqual(layeredLayout(nodes, edges));
    expect(JSON.stringify({ nodes, edges })).toBe(copy);
  });

  it('survives a dependency cycle', () => {
    const r = ranks(
      [{ id: 'a' }, { id: 'b' }],
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
    );
    expect([...r.keys()].sort()).toEqual(['a', 'b']);
  });

  it('lays out 5,000 nodes in a deep chain without overflowing the stack', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}` }));
    const chain = many.slice(1).map((n, i) => ({ source: n.id, target: `n${i}` }));
    const p = layeredLayout(many, chain);
    expect(Object.keys(p)).toHaveLength(5000);
    expect(p.n4999?.y).toBeGreaterThan(p.n0?.y ?? 0);
  });

  it('keeps saved positions and places only new nodes, under what they connect to', () => {
    const p = mergeLayout(nodes, edges, { ext: { x: 5, y: 5 }, router: { x: 5, y: 100 }, net: { x: 7, y: 200 }, port: { x: 9, y: 300 } });
    expect(p.ext).toEqual({ x: 5, y: 5 });
    expect(p.server).toEqual({ x: 9, y: 410 });
  });
});
