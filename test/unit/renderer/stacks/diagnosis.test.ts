import { describe, expect, it } from 'vitest';
import { diagnosis } from '../../../../renderer/stacks/diagnosis';
import { ev, res, TOP } from './fixtures';

const TEMPLATE = `heat_template_version: 2018-08-31
resources:
  ok:
    type: OS::Heat::RandomString
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: 3
      resource_def:
        type: OS::Heat::TestResource
`;

describe('the diagnosis of a failed stack', () => {
  it('descends into the nested stack to the member that failed, with its own reason, and points at the group that defines it', () => {
    const events = [
      ev('s', 'CREATE_IN_PROGRESS', '00', { physical: TOP }),
      ev('group', 'CREATE_IN_PROGRESS', '01', { physical: 'nested-1' }),
      ev('2', 'CREATE_FAILED', '05', { stack: 'nested-1', reason: 'Test Resource failed oops' }),
      ev('1', 'CREATE_COMPLETE', '04', { stack: 'nested-1' }),
      ev('group', 'CREATE_FAILED', '06', { physical: 'nested-1', reason: 'resources.group: resources[2]: Went to status FAILED' }),
      ev('s', 'CREATE_FAILED', '06', { physical: TOP, reason: 'Resource CREATE failed' }),
    ];
    const d = diagnosis(
      TOP,
      events,
      [res('group', 'CREATE_FAILED', { type: 'OS::Heat::ResourceGroup', physical: 'nested-1' })],
      [{ file: 'template.yaml', yaml: TEMPLATE }],
    );
    expect(d?.chain.map((s) => s.resource)).toEqual(['group', '2']);
    expect(d?.culprit).toMatchObject({ resource: '2', reason: 'Test Resource failed oops', stackId: 'nested-1' });
    expect(d?.chain[0]?.type).toBe('OS::Heat::ResourceGroup');
    expect(d?.location).toEqual({ file: 'template.yaml', resource: 'group', line: 5, column: 3 });
  });

  it('names the resource that blocked a delete, and ignores failures a later retry fixed', () => {
    const events = [
      ev('ok', 'CREATE_FAILED', '01', { reason: 'first try' }),
      ev('ok', 'CREATE_COMPLETE', '02'),
      ev('group', 'DELETE_FAILED', '09', { reason: 'timed out' }),
    ];
    const d = diagnosis(TOP, events, [], [{ file: 'template.yaml', yaml: TEMPLATE }]);
    expect(d?.culprit).toMatchObject({ resource: 'group', status: 'DELETE_FAILED', reason: 'timed out' });
  });

  it('finds nothing to blame in a stack without failed resources', () => {
    expect(diagnosis(TOP, [ev('a', 'CREATE_COMPLETE', '01')], [], [])).toBeNull();
  });
});
