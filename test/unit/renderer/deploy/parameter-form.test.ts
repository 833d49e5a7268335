import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../shared/hot/template';
import { checkValue, initialValues, parameterGroups, parametersToSend, rebuiltValues, typedSince } from '../../../../renderer/deploy/parameter-form';

const T = parseTemplate(`heat_template_version: 2018-08-31
parameter_groups:
  - label: Size
    description: How big
    parameters: [count, flavor]
parameters:
  name:
    type: string
    label: Server name
    description: What to call it
    constraints:
      - length: { min: 2, max: 8 }
      - allowed_pattern: "[a-z]+"
        description: lower-case letters only
  count:
    type: number
    default: 2
    constraints:
      - range: { min: 1, max: 5 }
  flavor:
    type: string
    default: m1.small
    constraints:
      - allowed_values: [m1.small, m1.large]
  secret:
    type: string
    hidden: true
  zones:
    type: comma_delimited_list
    default: [a, b]
resources: {}
`);
const fields = parameterGroups(T);
const field = (name: string) => fields.flatMap((g) => g.fields).find((f) => f.name === name)!;

describe('the parameter form generated from a template', () => {
  it('puts grouped parameters in their section first and the rest after, in template order', () => {
    expect(fields.map((g) => [g.label, g.fields.map((f) => f.name)])).toEqual([
      ['Size', ['count', 'flavor']],
      [null, ['name', 'secret', 'zones']],
    ]);
  });

  it('offers allowed_values as choices, marks hidden parameters and shows list defaults as text', () => {
    expect(field('flavor').allowedValues).toEqual(['m1.small', 'm1.large']);
    expect(field('secret').hidden).toBe(true);
    expect(field('name')).toMatchObject({ label: 'Server name', description: 'What to call it' });
    expect(initialValues(fields)).toMatchObject({ count: '2', zones: 'a,b', name: '' });
  });

  it('refuses a value that breaks a range, with the bounds', () => {
    expect(checkValue(field('count'), '9')).toMatchObject({ key: 'deploy.reason.rangeBetween', params: { min: 1, max: 5 } });
    expect(checkValue(field('count'), 'x')).toMatchObject({ key: 'deploy.reason.number' });
    expect(checkValue(field('count'), '3')).toBeNull();
  });

  it('gives the template’s own description when the constraint has one, and requires a value without default', () => {
    expect(checkValue(field('name'), 'Ab1')).toMatchObject({ custom: 'lower-case letters only' });
    expect(checkValue(field('name'), 'a')).toMatchObject({ key: 'deploy.reason.lengthBetween' });
    expect(checkValue(field('name'), '')).toMatchObject({ key: 'deploy.reason.required' });
    expect(checkValue(field('flavor'), 'm1.huge')).toMatchObject({ key: 'deploy.reason.allowed', params: { values: 'm1.small, m1.large' } });
  });

  it('sends only values that differ from their defaults', () => {
    expect(parametersToSend(fields, { ...initialValues(fields), name: 'web', count: '2' })).toEqual({ name: 'web' });
  });
});

describe('the update form rebuilt for another template', () => {
  const groups = parameterGroups(
    parseTemplate(
      'heat_template_version: 2018-08-31\nparameters:\n  flavor: {type: string, default: m1.tiny}\n  count: {type: number, default: 1}\n  fresh: {type: string, default: new}\n',
    ),
  );

  it('starts from what the stack runs with (else the default), but keeps what was typed', () => {
    const current = { flavor: 'm1.small', count: 3 };
    expect(rebuiltValues(groups, current, {})).toEqual({ flavor: 'm1.small', count: '3', fresh: 'new' });
    expect(rebuiltValues(groups, current, { flavor: 'm1.large', gone: 'x' })).toEqual({ flavor: 'm1.large', count: '3', fresh: 'new' });
  });

  it('what was typed is what differs from the baseline, and stays typed even when typed back', () => {
    const baseline = { flavor: 'm1.small', count: '3' };
    let typed = typedSince(baseline, { flavor: 'm1.large', count: '3' }, {});
    expect(typed).toEqual({ flavor: 'm1.large' });
    typed = typedSince(baseline, { flavor: 'm1.small', count: '3' }, typed);
    expect(typed).toEqual({ flavor: 'm1.small' });
  });
});
