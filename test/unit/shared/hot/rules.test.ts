import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../shared/hot/template';
import { validateTemplate } from '../../../../shared/hot/validate';
import { environmentFrom, parseEnvironment } from '../../../../shared/hot/environment';

const V = 'heat_template_version: 2018-08-31\n';
const cases: [string, string, string, number][] = [
  ['unknown version', 'heat_template_version: 2012-01-01\n', 'unknown-version', 1],
  ['conditions before newton', 'heat_template_version: 2016-04-08\nconditions: {}\n', 'unknown-section', 2],
  ['unknown section', V + 'resource:\n  a: {type: OS::Heat::None}\n', 'unknown-section', 2],
  ['get_param to undeclared', V + 'resources:\n  a:\n    type: OS::Heat::Value\n    properties:\n      value: {get_param: nope}\n', 'unknown-parameter', 6],
  ['get_resource to undeclared', V + 'resources:\n  a:\n    type: OS::Heat::Value\n    properties:\n      value: {get_resource: b}\n', 'unknown-resource', 6],
  ['depends_on undeclared', V + 'resources:\n  a:\n    type: OS::Heat::None\n    depends_on: [zz]\n', 'unknown-resource', 5],
  ['cycle', V + 'resources:\n  a:\n    type: OS::Heat::None\n    depends_on: b\n  b:\n    type: OS::Heat::None\n    depends_on: a\n', 'dependency-cycle', 3],
  ['removed function', V + 'resources:\n  a:\n    type: OS::Heat::Value\n    properties:\n      value: {Ref: x}\n', 'function-removed', 6],
  ['bad args', V + 'resources:\n  a:\n    type: OS::Heat::Value\n    properties:\n      value: {str_replace: x}\n', 'function-bad-arguments', 6],
  ['unknown condition', V + 'resources:\n  a:\n    type: OS::Heat::None\n    condition: nope\n', 'unknown-condition', 5],
  ['param missing type', V + 'parameters:\n  p:\n    default: 1\n', 'parameter-missing-type', 3],
  [
    'default breaks constraint',
    V + 'parameters:\n  p:\n    type: number\n    default: 7\n    constraints:\n      - range: {min: 1, max: 5}\n',
    'parameter-default-invalid',
    5,
  ],
  ['group names unknown param', V + 'parameter_groups:\n  - label: g\n    parameters: [zz]\n', 'parameter-group-unknown-parameter', 4],
  ['unknown resource key', V + 'resources:\n  a:\n    type: OS::Heat::None\n    propertys: {}\n', 'unknown-resource-key', 5],
  ['unknown property', V + 'resources:\n  n:\n    type: OS::Neutron::Net\n    properties:\n      nmae: x\n', 'unknown-property', 6],
  ['missing required', V + 'resources:\n  s:\n    type: OS::Neutron::Subnet\n    properties:\n      cidr: 10.0.0.0/24\n', 'missing-required-property', 3],
  ['wrong type', V + 'resources:\n  n:\n    type: OS::Neutron::Net\n    properties:\n      admin_state_up: [1]\n', 'property-wrong-type', 6],
  ['unknown OS type', V + 'resources:\n  n:\n    type: OS::Nova::Servr\n', 'unknown-resource-type', 4],
  ['output without value', V + 'outputs:\n  o:\n    description: x\n', 'output-missing-value', 3],
  ['unknown attribute', V + 'resources:\n  n:\n    type: OS::Neutron::Net\noutputs:\n  o:\n    value: {get_attr: [n, nope]}\n', 'unknown-attribute', 7],
  ['tab indentation', V + 'resources:\n\ta: 1\n', 'yaml-tab', 3],
  ['syntax error', V + 'resources: [\n', 'yaml-syntax', 3],
  ['list document', '- a\n- b\n', 'not-a-mapping', 1],
  ['scalar document', 'hello\n', 'not-a-mapping', 1],
  ['duplicate key', V + 'description: a\ndescription: b\n', 'duplicate-key', 3],
];

describe('validation rules', () => {
  it.each(cases)('%s reports %s at line %d', (_name, text, code, line) => {
    const diags = validateTemplate(parseTemplate(text, 'rule.yaml'));
    const hit = diags.find((d) => d.code === code);
    expect(hit, JSON.stringify(diags)).toBeDefined();
    expect(hit?.line).toBe(line);
  });

  it('keeps heat_template_version a string and reads yes/no as booleans (PyYAML)', () => {
    const t = parseTemplate('heat_template_version: 2013-05-23\ndescription: yes\n');
    expect(t.version).toBe('2013-05-23');
  });
});

describe('bad input', () => {
  const one = (text: string, code: string) => {
    const start = Date.now();
    const diags = validateTemplate(parseTemplate(text, 'bad.yaml'));
    expect(Date.now() - start).toBeLessThan(5000);
    expect(diags.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([code]);
  };
  it('an empty file', () => one('', 'missing-version'));
  it.each([
    ['empty', ''],
    ['only a comment', '# nothing yet\n'],
  ])('locates the error of an %s file at line 1, column 1, not 0:0', (_name, text) => {
    const [d] = validateTemplate(parseTemplate(text, 'empty.yaml'));
    expect(d).toMatchObject({ code: 'missing-version', line: 1, column: 1 });
  });
  it('an alias bomb', () => {
    let s = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++)
      s += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    one(s, 'yaml-alias-expansion');
  });
  // 40 KB, 10,000 aliases of one small anchor: the size the issue measured at 6.7 s.
  const manyAliases = (anchor: string) =>
    `${V}resources:\n  r:\n    type: OS::Heat::Value\n    properties:\n      value: &a ${anchor}\n  s:\n    type: OS::Heat::Value\n    properties:\n      value: [${Array(10_000).fill('*a').join(', ')}]\n`;
  it('10,000 aliases of one anchor load in bounded time (one pass to resolve them, not one per alias)', () => {
    const text = manyAliases('{k1: v1, k2: v2}');
    expect(text.length).toBeGreaterThan(40_000);
    const start = performance.now();
    const diags = validateTemplate(parseTemplate(text, 'aliases.yaml'));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('aliases that expand past what Heat could be sent, even without nesting anchors', () => {
    // 10,000 x a 60-key map: about 1.2 million nodes, under the old 2 million bound.
    const keys = Array.from({ length: 60 }, (_, i) => `k${i}: v`).join(', ');
    one(manyAliases(`{${keys}}`), 'yaml-alias-expansion');
  });
  it('deep nesting', () => one('['.repeat(200_000) + ']'.repeat(200_000), 'nesting-too-deep'));
  it('a 50 MB file', () => one(V + '#' + 'x'.repeat(50 * 1024 * 1024), 'file-too-large'));
});

describe('property constraints from the resource schema', () => {
  const prop = (type: string, props: string) =>
    validateTemplate(parseTemplate(`${V}resources:\n  r:\n    type: ${type}\n    properties:\n${props}`, 'c.yaml')).filter((d) => d.severity === 'error');
  it.each([
    ['range', 'OS::Heat::RandomString', '      length: 100000\n', 'property-out-of-range'],
    ['range on a nested list item', 'OS::Heat::RandomString', '      character_classes: [{class: digits, min: 0}]\n', 'property-out-of-range'],
    ['length', 'OS::Heat::SoftwareComponent', '      configs: []\n', 'property-bad-length'],
    ['length of a string', 'OS::Nova::KeyPair', '      name: ""\n', 'property-bad-length'],
    ['allowed_values', 'OS::Heat::RandomString', '      character_classes: [{class: nope}]\n', 'property-value-not-allowed'],
  ])('reports a literal value outside its %s constraint (%s)', (_kind, type, props, code) => {
    expect(prop(type, props).map((d) => d.code)).toEqual([code]);
  });

  it('accepts values inside the constraints, and values computed by functions', () => {
    expect(prop('OS::Heat::RandomString', '      length: 512\n      character_classes: [{class: digits, min: 1}]\n')).toEqual([]);
    expect(prop('OS::Heat::RandomString', '      length: {get_param: "OS::stack_name"}\n')).toEqual([]);
  });

  it('does not check custom constraints offline: they ask the cloud (nova.flavor, neutron.network)', () => {
    expect(prop('OS::Nova::Server', '      image: no-such-image\n      flavor: no-such-flavor\n')).toEqual([]);
  });

  it('checks nothing about the properties of a type the environment maps to OS::Heat::None', () => {
    const env = environmentFrom([parseEnvironment('resource_registry:\n  "OS::Nova::*": OS::Heat::None\n', 'e.yaml')]);
    const t = parseTemplate(
      `${V}resources:\n  s:\n    type: OS::Nova::Server\n    properties:\n      nmae: x\noutputs:\n  o: {value: {get_attr: [s, anything]}}\n`,
      't.yaml',
    );
    expect(
      validateTemplate(t)
        .filter((d) => d.severity === 'error')
        .map((d) => d.code)
        .sort(),
    ).toEqual(['missing-required-property', 'unknown-attribute', 'unknown-property']);
    expect(validateTemplate(t, { environment: env }).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
