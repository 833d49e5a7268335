import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../../shared/hot/edits';
import { resources, parseTemplate } from '../../../../shared/hot/template';
import { validateTemplate } from '../../../../shared/hot/validate';
import { manifest, readCorpus } from './corpus-helpers';

function changedLines(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  let start = 0;
  while (start < x.length && x[start] === y[start]) start++;
  let ex = x.length - 1;
  let ey = y.length - 1;
  while (ex >= start && ey >= start && x[ex] === y[ey]) {
    ex--;
    ey--;
  }
  return Math.max(ex - start + 1, ey - start + 1);
}

const SRC = `heat_template_version: 2018-08-31
# the network
resources:
  net:   # keep me
    type: OS::Neutron::Net
  port:
    type: OS::Neutron::Port
    properties:
      network: {get_resource: net}
      name: 'p1'
    depends_on: [net]
  server:
    type: OS::Nova::Server
    properties:
      image: cirros
      flavor: m1.tiny
      networks:
        - port: { get_resource: port }
outputs:
  ip: {value: {get_attr: [port, fixed_ips]}}
`;

describe('edits', () => {
  it('renames a resource and every get_resource, get_attr and depends_on naming it', () => {
    const t = applyEdit(parseTemplate(SRC), { op: 'renameResource', from: 'net', to: 'private_net' });
    expect(t.text).toBe(
      SRC.replace('  net:   #', '  private_net:   #').replace('{get_resource: net}', '{get_resource: private_net}').replace('[net]', '[private_net]'),
    );
    const t2 = applyEdit(parseTemplate(SRC), { op: 'renameResource', from: 'port', to: 'port0' });
    expect(t2.text).toContain('{get_attr: [port0, fixed_ips]}');
    expect(t2.text).toContain('{ get_resource: port0 }');
    expect(validateTemplate(t2).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('sets a nested property, creating the missing mappings, touching only new lines', () => {
    const t = applyEdit(parseTemplate(SRC), { op: 'setProperty', resource: 'net', path: ['value_specs', 'mtu'], value: 1400 });
    expect(t.text).toContain('    type: OS::Neutron::Net\n    properties:\n      value_specs:\n        mtu: 1400\n  port:');
    const t2 = applyEdit(parseTemplate(SRC), { op: 'setProperty', resource: 'server', path: ['flavor'], value: 'm1.small' });
    expect(changedLines(SRC, t2.text)).toBe(1);
  });

  it('deletes a resource and the depends_on entries naming it', () => {
    const t = applyEdit(parseTemplate(SRC), { op: 'removeResource', name: 'server' });
    expect(t.text).not.toContain('server');
    expect(t.text).toContain('outputs:');
    const t2 = applyEdit(parseTemplate(SRC), { op: 'removeResource', name: 'net' });
    expect(t2.text).toContain('depends_on: []');
  });

  /** The lines of `b` that differ from `a`, as [index, text], after aligning the unchanged head and tail. */
  const diff = (a: string, b: string) => {
    const x = a.split('\n');
    const y = b.split('\n');
    let head = 0;
    while (head < x.length && x[head] === y[head]) head++;
    let tail = 0;
    while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
    return { removed: x.slice(head, x.length - tail), added: y.slice(head, y.length - tail) };
  };

  it('adds a resource as new lines after the last one, touching nothing else', () => {
    const t = applyEdit(parseTemplate(SRC), { op: 'addResource', name: 'vol', definition: { type: 'OS::Cinder::Volume', properties: { size: 1 } } });
    expect(diff(SRC, t.text)).toEqual({ removed: [], added: ['  vol:', '    type: OS::Cinder::Volume', '    properties:', '      size: 1'] });
    expect(resources(t).map((r) => r.name)).toEqual(['net', 'port', 'server', 'vol']);
  });

  it('unsets a property by removing exactly its line', () => {
    const t = applyEdit(parseTemplate(SRC), { op: 'unsetProperty', resource: 'port', path: ['name'] });
    expect(diff(SRC, t.text)).toEqual({ removed: ["      name: 'p1'"], added: [] });
  });

  it('adds a dependency inside an existing flow list, and as a new block list where there was none', () => {
    const t = applyEdit(parseTemplate(SRC), { op: 'addDependency', resource: 'port', on: 'server' });
    expect(diff(SRC, t.text)).toEqual({ removed: ['    depends_on: [net]'], added: ['    depends_on: [ net, server ]'] });
    const t2 = applyEdit(parseTemplate(SRC), { op: 'addDependency', resource: 'server', on: 'net' });
    expect(diff(SRC, t2.text)).toEqual({ removed: [], added: ['    depends_on:', '      - net'] });
    expect(applyEdit(t, { op: 'addDependency', resource: 'port', on: 'server' }).text).toBe(t.text);
  });

  it('removes the last dependency by removing the depends_on line, and one of several by removing its item', () => {
    const t = applyEdit(parseTemplate(SRC), { op: 'removeDependency', resource: 'port', on: 'net' });
    expect(diff(SRC, t.text)).toEqual({ removed: ['    depends_on: [net]'], added: [] });
    const two = applyEdit(parseTemplate(SRC), { op: 'addDependency', resource: 'port', on: 'server' });
    const back = applyEdit(two, { op: 'removeDependency', resource: 'port', on: 'server' });
    expect(diff(two.text, back.text)).toEqual({ removed: ['    depends_on: [ net, server ]'], added: ['    depends_on: [ net ]'] });
  });

  it('replaces a value inside a flow mapping with a list or mapping in flow style, keeping the YAML valid', () => {
    const src = SRC.replace('      flavor: m1.tiny\n', '      flavor: m1.tiny\n      metadata: {role: web, tags: [a, b]}\n');
    const t = applyEdit(parseTemplate(src), { op: 'setProperty', resource: 'server', path: ['metadata', 'tags'], value: ['x', 'y'] });
    expect(diff(src, t.text)).toEqual({ removed: ['      metadata: {role: web, tags: [a, b]}'], added: ['      metadata: {role: web, tags: [ x, "y" ]}'] });
    const t2 = applyEdit(parseTemplate(src), { op: 'setProperty', resource: 'server', path: ['metadata', 'role'], value: { a: 1 } });
    expect(diff(src, t2.text)).toEqual({ removed: ['      metadata: {role: web, tags: [a, b]}'], added: ['      metadata: {role: { a: 1 }, tags: [a, b]}'] });
    expect(t2.loadDiagnostics).toEqual([]);
    expect(validateTemplate(t).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('replaces a block value under its key without leaving trailing spaces', () => {
    const t = applyEdit(parseTemplate(SRC), { op: 'setProperty', resource: 'server', path: ['networks'], value: [{ network: 'private' }] });
    expect(diff(SRC, t.text)).toEqual({ removed: ['        - port: { get_resource: port }'], added: ['        - network: private'] });
  });

  it('on corpus templates, rename/set/delete change only the lines they must', () => {
    const sample = manifest()
      .filter((e) => e.kind === 'template' && e.path.startsWith('heat-templates/hot/'))
      .slice(0, 40);
    let checked = 0;
    for (const e of sample) {
      const text = readCorpus(e.path);
      const t = parseTemplate(text, e.path);
      const list = resources(t).filter((r) => !r.pair.key.style.includes('q'));
      const first = list[0];
      if (!first || t.loadDiagnostics.some((d) => d.severity === 'error')) continue;
      const renamed = applyEdit(t, { op: 'renameResource', from: first.name, to: `${first.name}_x` });
      const occurrences = renamed.text.split(`${first.name}_x`).length - 1;
      expect(changedLines(text, renamed.text)).toBeLessThanOrEqual(text.split('\n').length);
      expect(occurrences).toBeGreaterThanOrEqual(1);
      // every changed line contains the new name
      const a = text.split('\n');
      const b = renamed.text.split('\n');
      expect(b.length).toBe(a.length);
      b.forEach((line, i) => {
        if (line !== a[i]) expect(line).toContain(`${first.name}_x`);
      });
      const set = applyEdit(t, { op: 'set', path: ['resources', first.name, 'metadata', 'studio'], value: 'x' });
      expect(set.text.split('\n').length - a.length).toBeLessThanOrEqual(2);
      const removed = applyEdit(t, { op: 'removeResource', name: first.name });
      expect(resources(removed).map((r) => r.name)).not.toContain(first.name);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});
