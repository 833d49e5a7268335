import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../shared/hot/template';
import { checkValue, initialValues, parameterGroups, parametersToSend } from '../../../../renderer/deploy/parameter-form';
import { suppliedValues, valuesAfterDefaultsChange, withEnvironments } from '../../../../renderer/deploy/environment-values';

const T = parseTemplate(`heat_template_version: 2018-08-31
parameters:
  key_name:
    type: string
  flavor:
    type: string
    default: m1.tiny
  networks:
    type: comma_delimited_list
  size:
    type: number
    default: 1
`);

const STORED = { source: 'stored with v2', text: 'parameter_defaults:\n  key_name: stored-key\n  flavor: m1.small\nparameters:\n  size: 3\n' };
const PICKED = { source: 'prod.yaml', text: 'parameters:\n  flavor: m1.large\nparameter_defaults:\n  size: 9\n  networks: [a, b]\n' };

const field = (groups: ReturnType<typeof parameterGroups>, name: string) => groups.flatMap((g) => g.fields).find((f) => f.name === name)!;

describe('values an environment supplies', () => {
  it("takes `parameters` over `parameter_defaults`, whichever environment each is in, and a later environment's over an earlier one's", () => {
    const s = suppliedValues([STORED, PICKED]);
    expect(s.get('flavor')).toEqual({ value: 'm1.large', source: 'prod.yaml' });
    // size: stored `parameters: 3` beats the later file's `parameter_defaults: 9`, as in Heat.
    expect(s.get('size')).toEqual({ value: 3, source: 'stored with v2' });
    expect(s.get('key_name')).toEqual({ value: 'stored-key', source: 'stored with v2' });
    expect(s.get('networks')?.value).toEqual(['a', 'b']);
  });

  it('fills the form with them, says where from, and no longer calls a supplied parameter required', () => {
    const plain = parameterGroups(T);
    expect(checkValue(field(plain, 'key_name'), '')?.key).toBe('deploy.reason.required');
    const groups = withEnvironments(plain, [STORED, PICKED]);
    expect(initialValues(groups)).toEqual({ key_name: 'stored-key', flavor: 'm1.large', networks: 'a,b', size: '3' });
    expect(field(groups, 'key_name').fromEnvironment).toBe('stored with v2');
    expect(field(groups, 'flavor').fromEnvironment).toBe('prod.yaml');
    expect(checkValue(field(groups, 'key_name'), '')).toBeNull();
    // The environment is sent with the deploy: its values are not sent again, a changed one is.
    expect(parametersToSend(groups, { ...initialValues(groups), flavor: 'm1.tiny' })).toEqual({ flavor: 'm1.tiny' });
  });

  it('ignores an environment that does not parse, and leaves unsupplied fields alone', () => {
    const groups = withEnvironments(parameterGroups(T), [{ source: 'bad.yaml', text: 'parameters: [oops' }]);
    expect(field(groups, 'key_name').fromEnvironment).toBeUndefined();
    expect(initialValues(groups)).toEqual({ key_name: '', flavor: 'm1.tiny', networks: '', size: '1' });
  });

  it('keeps what the person typed when another environment is picked later: typed values beat both sections', () => {
    const before = withEnvironments(parameterGroups(T), [STORED]);
    const baseline = initialValues(before);
    const typed = { ...baseline, key_name: 'my-key', size: '5' };
    const after = withEnvironments(parameterGroups(T), [STORED, PICKED]);
    expect(valuesAfterDefaultsChange(baseline, typed, after)).toEqual({ key_name: 'my-key', flavor: 'm1.large', networks: 'a,b', size: '5' });
  });
});
