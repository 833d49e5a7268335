import { describe, expect, it } from 'vitest';
import { ganttOf, ganttRows } from '../../../../renderer/stacks/gantt';
import { axisTicks } from '../../../../renderer/stacks/gantt-axis';
import { criticalPath } from '../../../../renderer/stacks/gantt-critical';
import { ev, res, TOP } from './fixtures';

// A top stack: net (0-2 s) -> server (2-10 s) and net -> port (2-4 s), and
// a nested stack "inner" (1-9 s) whose a (1-3 s) -> b (3-8 s).
const NESTED = 'nested-id';
const events = [
  ev('net', 'CREATE_IN_PROGRESS', '00'),
  ev('inner', 'CREATE_IN_PROGRESS', '01'),
  // The nested stack's own event (its name is Heat's generated one): it repeats inner's span.
  ev('top-inner-x1', 'CREATE_IN_PROGRESS', '01', { stack: NESTED, physical: NESTED }),
  ev('a', 'CREATE_IN_PROGRESS', '01', { stack: NESTED }),
  ev('net', 'CREATE_COMPLETE', '02'),
  ev('server', 'CREATE_IN_PROGRESS', '02'),
  ev('port', 'CREATE_IN_PROGRESS', '02'),
  ev('a', 'CREATE_COMPLETE', '03', { stack: NESTED }),
  ev('b', 'CREATE_IN_PROGRESS', '03', { stack: NESTED }),
  ev('port', 'CREATE_COMPLETE', '04'),
  ev('b', 'CREATE_FAILED', '08', { stack: NESTED }),
  ev('inner', 'CREATE_FAILED', '09'),
  ev('server', 'CREATE_COMPLETE', '10'),
];
const resources = [
  res('net', 'CREATE_COMPLETE', { requiredBy: ['server', 'port'] }),
  res('server', 'CREATE_COMPLETE'),
  res('port', 'CREATE_COMPLETE'),
  res('inner', 'CREATE_FAILED', { physical: NESTED }),
  res('a', 'CREATE_COMPLETE', { stack: NESTED, requiredBy: ['b'] }),
  res('b', 'CREATE_FAILED', { stack: NESTED }),
];
const NOW = Date.parse('2025-01-01T00:01:00Z');

describe('ganttRows', () => {
  it("lists a nested stack's spans under the resource that owns it, one level in", () => {
    const g = ganttOf(events, TOP, NOW);
    expect(ganttRows(g.spans, resources, TOP).map((r) => `${'  '.repeat(r.depth)}${r.span.resource}`)).toEqual([
      'net',
      'inner',
      '  a',
      '  b',
      'server',
      'port',
    ]);
  });
});

describe('criticalPath', () => {
  it('follows the dependencies back from the span that ended last', () => {
    const g = ganttOf(events, TOP, NOW);
    const path = criticalPath(g.spans, resources, TOP, NOW);
    expect(
      g.spans
        .filter((s) => path.has(s.key))
        .map((s) => s.resource)
        .sort(),
    ).toEqual(['net', 'server']);
  });

  it('goes into a nested stack that is on the path', () => {
    const late = [...events.slice(0, -1)].map((e) =>
      e.resource_name === 'inner' && e.resource_status === 'CREATE_FAILED' ? { ...e, event_time: '2025-01-01T00:00:12' } : e,
    );
    late.push(ev('server', 'CREATE_COMPLETE', '10'));
    const g = ganttOf(late, TOP, NOW);
    const path = criticalPath(g.spans, resources, TOP, NOW);
    expect(
      g.spans
        .filter((s) => path.has(s.key))
        .map((s) => s.resource)
        .sort(),
    ).toEqual(['a', 'b', 'inner']);
  });
});

describe('criticalPath on a one-second clock', () => {
  it('ends at the last link of a chain whose last two links end in the same second', () => {
    const tie = [ev('x', 'CREATE_IN_PROGRESS', '00'), ev('x', 'CREATE_COMPLETE', '03'), ev('y', 'CREATE_IN_PROGRESS', '03'), ev('y', 'CREATE_COMPLETE', '03')];
    const g = ganttOf(tie, TOP, NOW);
    const path = criticalPath(g.spans, [res('x', 'CREATE_COMPLETE', { requiredBy: ['y'] }), res('y', 'CREATE_COMPLETE')], TOP, NOW);
    expect(g.spans.filter((s) => path.has(s.key)).map((s) => s.resource)).toEqual(['x', 'y']);
  });
});

describe('axisTicks', () => {
  it('puts about six ticks at a round step', () => {
    expect(axisTicks(10_000).map((t) => t.label)).toEqual(['0 s', '2 s', '4 s', '6 s', '8 s', '10 s']);
    expect(axisTicks(150_000).map((t) => t.label)).toEqual(['0 s', '30 s', '1 min', '1 min 30 s', '2 min', '2 min 30 s']);
    expect(axisTicks(500).map((t) => t.at)).toEqual([0]);
  });
});
