import { describe, expect, it } from 'vitest';
import { buildLiveTopology, CELL_X, CELL_Y, liveKind, toneOf } from '../../../../renderer/stacks/live-topology';
import { actionProgress } from '../../../../shared/cloud/resource-phase';
import { res, TOP } from './fixtures';

const resources = [
  res('net', 'CREATE_COMPLETE', { requiredBy: ['port'] }),
  res('port', 'CREATE_IN_PROGRESS', { requiredBy: ['server'] }),
  res('server', 'INIT_COMPLETE'),
  res('group', 'CREATE_IN_PROGRESS', { physical: 'nested-1', type: 'OS::Heat::ResourceGroup' }),
  res('0', 'CREATE_COMPLETE', { stack: 'nested-1' }),
  res('1', 'CREATE_FAILED', { stack: 'nested-1' }),
];

describe('the live topology', () => {
  it('draws dependencies top-down: a resource sits below what it depends on', () => {
    const t = buildLiveTopology(TOP, resources, new Set());
    const y = (name: string) => t.nodes.find((n) => n.name === name)!.position.y;
    expect(y('net')).toBeLessThan(y('port'));
    expect(y('port')).toBeLessThan(y('server'));
    expect(t.edges.map((e) => e.id)).toEqual([`${TOP}/net->port`, `${TOP}/port->server`]);
  });

  it('keeps a nested stack collapsed until expanded, then holds its members inside the parent node', () => {
    expect(buildLiveTopology(TOP, resources, new Set()).nodes.filter((n) => n.parent)).toHaveLength(0);
    const t = buildLiveTopology(TOP, resources, new Set([`${TOP}/group`]));
    const members = t.nodes.filter((n) => n.parent === `${TOP}/group`);
    expect(members.map((n) => [n.name, n.tone])).toEqual([
      ['0', 'complete'],
      ['1', 'failed'],
    ]);
    expect(t.nodes.find((n) => n.name === 'group')).toMatchObject({ nestedStackId: 'nested-1', expanded: true });
  });

  it('draws each resource with the editor’s kind, a group that owns a nested stack as a nested one', () => {
    const t = buildLiveTopology(
      TOP,
      [res('net', 'CREATE_COMPLETE', { type: 'OS::Neutron::Net' }), res('vm', 'CREATE_COMPLETE', { type: 'OS::Nova::Server' }), ...resources.slice(3)],
      new Set(),
    );
    expect(Object.fromEntries(t.nodes.map((n) => [n.name, n.kind]))).toEqual({ net: 'private-network', vm: 'server', group: 'nested' });
    expect(liveKind('volume_with_attachment.yaml', true)).toBe('nested');
    expect(liveKind('OS::Heat::TestResource', false)).toBe('other');
  });

  it('lays a 12-resource chain out in bands that a 1000 x 450 canvas shows at 100 %, in reading order', () => {
    const chain = Array.from({ length: 12 }, (_, i) => res(`r${i + 1}`, 'CREATE_COMPLETE', { requiredBy: i < 11 ? [`r${i + 2}`] : [] }));
    const t = buildLiveTopology(TOP, chain, new Set(), { viewport: { width: 1000, height: 450 } });
    const xs = t.nodes.map((n) => n.position.x);
    const ys = t.nodes.map((n) => n.position.y);
    const width = Math.max(...xs) - Math.min(...xs) + CELL_X;
    const height = Math.max(...ys) - Math.min(...ys) + CELL_Y;
    expect(Math.min(1, 1000 / width, 450 / height)).toBe(1);
    expect(new Set(xs).size).toBeGreaterThan(1);
    const at = (name: string) => t.nodes.find((n) => n.name === name)!.position;
    expect(at('r1').y).toBeLessThan(at('r2').y);
    expect(at('r12').x).toBeGreaterThan(at('r1').x);
  });

  it('places an expanded nested stack’s members inside its cell, clear of the other resources', () => {
    const many = [
      res('before', 'CREATE_COMPLETE'),
      res('group', 'CREATE_COMPLETE', { physical: 'nested-1', type: 'OS::Heat::ResourceGroup' }),
      res('after', 'CREATE_COMPLETE'),
      ...Array.from({ length: 9 }, (_, i) => res(String(i), 'CREATE_COMPLETE', { stack: 'nested-1' })),
    ];
    const t = buildLiveTopology(TOP, many, new Set([`${TOP}/group`]));
    const members = t.nodes.filter((n) => n.parent === `${TOP}/group`);
    expect(members).toHaveLength(9);
    const mx = members.map((m) => m.position.x);
    const my = members.map((m) => m.position.y);
    const box = { x1: Math.min(...mx) - CELL_X / 2, x2: Math.max(...mx) + CELL_X / 2, y1: Math.min(...my) - CELL_Y / 2, y2: Math.max(...my) + CELL_Y / 2 };
    for (const name of ['before', 'after']) {
      const p = t.nodes.find((n) => n.name === name)!.position;
      const inside = p.x > box.x1 && p.x < box.x2 && p.y > box.y1 && p.y < box.y2;
      expect(inside, name).toBe(false);
    }
    expect(new Set(members.map((m) => `${m.position.x},${m.position.y}`)).size).toBe(9);
  });

  it('tells progress, failure and completion apart, and counts progress across depths', () => {
    expect(['CREATE_IN_PROGRESS', 'UPDATE_FAILED', 'CHECK_COMPLETE', 'DELETE_COMPLETE'].map(toneOf)).toEqual(['progress', 'failed', 'complete', 'other']);
    // INIT_COMPLETE is Heat's "not started yet": its own tone, and never counted as done.
    expect(['INIT_COMPLETE', 'INIT', 'INIT_FAILED'].map(toneOf)).toEqual(['waiting', 'waiting', 'failed']);
    expect(buildLiveTopology(TOP, resources, new Set()).nodes.find((n) => n.name === 'server')?.tone).toBe('waiting');
    expect(actionProgress({ stackStatus: 'CREATE_IN_PROGRESS', resources })).toEqual({ done: 2, failed: 1, running: 2, waiting: 1, total: 6, scope: 'all' });
  });
});
