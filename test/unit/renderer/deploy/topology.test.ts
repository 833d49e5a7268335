import { describe, expect, it } from 'vitest';
import { buildTopology, toneOf } from '../../../../renderer/deploy/topology';
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
    const t = buildTopology(TOP, resources, new Set());
    const y = (name: string) => t.nodes.find((n) => n.name === name)!.position.y;
    expect(y('net')).toBeLessThan(y('port'));
    expect(y('port')).toBeLessThan(y('server'));
    expect(t.edges.map((e) => e.id)).toEqual([`${TOP}/net->port`, `${TOP}/port->server`]);
  });

  it('keeps a nested stack collapsed until expanded, then holds its members inside the parent node', () => {
    expect(buildTopology(TOP, resources, new Set()).nodes.filter((n) => n.parent)).toHaveLength(0);
    const t = buildTopology(TOP, resources, new Set([`${TOP}/group`]));
    const members = t.nodes.filter((n) => n.parent === `${TOP}/group`);
    expect(members.map((n) => [n.name, n.tone])).toEqual([
      ['0', 'complete'],
      ['1', 'failed'],
    ]);
    expect(t.nodes.find((n) => n.name === 'group')).toMatchObject({ nestedStackId: 'nested-1', expanded: true });
  });

  it('tells progress, failure and completion apart, and counts progress across depths', () => {
    expect(['CREATE_IN_PROGRESS', 'UPDATE_FAILED', 'CHECK_COMPLETE', 'DELETE_COMPLETE'].map(toneOf)).toEqual(['progress', 'failed', 'complete', 'other']);
    // INIT_COMPLETE is Heat's "not started yet": its own tone, and never counted as done.
    expect(['INIT_COMPLETE', 'INIT', 'INIT_FAILED'].map(toneOf)).toEqual(['waiting', 'waiting', 'failed']);
    expect(buildTopology(TOP, resources, new Set()).nodes.find((n) => n.name === 'server')?.tone).toBe('waiting');
    expect(actionProgress({ stackStatus: 'CREATE_IN_PROGRESS', resources })).toEqual({ done: 2, failed: 1, running: 2, waiting: 1, total: 6, scope: 'all' });
  });
});
