// The editor's document and history without a browser: what the YAML view
// and the canvas share.
import { describe, expect, it } from 'vitest';
import { openDoc, updateDoc, docFromTemplate, MAX_TEMPLATE_BYTES } from '../../../../renderer/editor/document';
import { History } from '../../../../renderer/editor/history';
import { minimalChange, referenceAt } from '../../../../renderer/editor/text-diff';
import { handleEditorKey, neighbourhood, searchNodes } from '../../../../renderer/editor/canvas-commands';
import type { EditorCommands } from '../../../../renderer/editor/canvas-commands';
import { drop } from '../../../../shared/topology/actions';
import { paletteItem } from '../../../../shared/topology/palette';
import { RECOMMENDED_TEMPLATES } from '../../../../shared/library/recommended';

const external = RECOMMENDED_TEMPLATES.find((r) => r.systemKey === 'external-network-server')?.yaml ?? '';

describe('the document shared by the YAML view and the canvas', () => {
  it('keeps the last good canvas and marks the error while the text does not parse', () => {
    const good = openDoc(external);
    const broken = updateDoc(good, `${external}\n  bad: [unclosed\n`);
    expect(broken.parseError?.line).toBeGreaterThan(0);
    expect(broken.text).toContain('[unclosed');
    expect(broken.topology).toBe(good.topology);
  });

  it('follows a property edited in the text', () => {
    const doc = updateDoc(openDoc(external), external.replace('default: 192.168.10.0/24', 'default: 10.1.0.0/16'));
    expect(doc.parseError).toBeNull();
    expect(doc.text).toContain('10.1.0.0/16');
  });

  it('takes a canvas edit as the new text, the rest of the file unchanged', () => {
    const d = openDoc(external);
    const r = drop(d.good, paletteItem('volume') ?? { id: '', kind: 'volume', type: '' }, 'server_1');
    if (!r.ok) throw new Error(r.reason);
    const next = docFromTemplate(r.template);
    const change = minimalChange(external, next.text);
    expect(change.to).toBe(change.from);
    expect(change.insert).toContain('type: OS::Cinder::VolumeAttachment');
    expect(next.topology.relations.serverVolumes.get('server_1')).toEqual(['volume_1']);
  });

  it("names Heat's max_template_size as the limit for pasted text", () => {
    expect(MAX_TEMPLATE_BYTES).toBe(524_288);
  });

  it('warns about overlapping private network addresses on the nodes involved', () => {
    const text =
      'heat_template_version: 2018-08-31\nresources:\n  a: {type: OS::Neutron::Subnet, properties: {network: x, cidr: 10.0.0.0/16}}\n  b: {type: OS::Neutron::Subnet, properties: {network: y, cidr: 10.0.3.0/24}}\n';
    const doc = openDoc(text);
    expect(doc.warnings.map((w) => w.code)).toEqual(['cidr-overlap']);
    expect(doc.badges.warnings.get('a')).toBeGreaterThan(0);
  });
});

describe('one undo history across both views', () => {
  it('coalesces a burst of typing into one entry and undoes it whole', () => {
    const h = new History();
    h.record({ text: 'a', positions: {} }, 'yaml', 1000);
    h.record({ text: 'ab', positions: {} }, 'yaml', 1200);
    expect(h.undo({ text: 'abc', positions: {} })?.text).toBe('a');
    expect(h.canUndo).toBe(false);
  });

  it('keeps a canvas action and a later typing burst as two entries, redoable', () => {
    const h = new History();
    h.record({ text: 'v0', positions: {} });
    h.record({ text: 'v1', positions: {} }, 'yaml', 5000);
    expect(h.undo({ text: 'v2', positions: {} })?.text).toBe('v1');
    expect(h.undo({ text: 'v1', positions: {} })?.text).toBe('v0');
    expect(h.redo({ text: 'v0', positions: {} })?.text).toBe('v1');
  });
});

describe('YAML view helpers', () => {
  it('turns one text into another with the smallest replacement', () => {
    expect(minimalChange('size: 1\nname: x\n', 'size: 20\nname: x\n')).toEqual({ from: 6, to: 7, insert: '20' });
  });
  it('finds the resource a get_resource under the cursor names', () => {
    expect(referenceAt('      network: { get_resource: private_net_1 }', 35)).toBe('private_net_1');
    expect(referenceAt('      network: { get_resource: private_net_1 }', 3)).toBeUndefined();
  });
});

describe('canvas commands', () => {
  const calls: string[] = [];
  const c = new Proxy(
    {},
    {
      get:
        (_t, name: string) =>
        (...args: unknown[]) =>
          calls.push([name, ...args].join(' ')),
    },
  ) as EditorCommands;
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
    handleEditorKey(
      { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: null, preventDefault: () => {}, ...mods } as unknown as KeyboardEvent,
      c,
    );

  it('maps the shortcuts of the issue to commands', () => {
    calls.length = 0;
    key('Delete');
    key('z', { ctrlKey: true });
    key('Z', { ctrlKey: true, shiftKey: true });
    key('c', { ctrlKey: true });
    key('v', { ctrlKey: true });
    key('s', { ctrlKey: true });
    key('f', { ctrlKey: true });
    key('ArrowLeft', { altKey: true });
    key('ArrowDown', { altKey: true, shiftKey: true });
    key('ArrowUp');
    key('ArrowRight');
    key('F2');
    key('Enter');
    expect(calls).toEqual([
      'delete',
      'undo',
      'redo',
      'copy',
      'paste',
      'save',
      'search',
      'nudge -10 0',
      'nudge 0 50',
      'selectToward up',
      'selectToward right',
      'rename',
      'inspect',
    ]);
  });

  it('searches by name or type and finds a node neighbourhood', () => {
    const topo = openDoc(external).topology;
    expect(searchNodes(topo, 'floatingip')).toEqual(['server_1_floating_ip']);
    expect([...neighbourhood(topo, ['server_1'])].sort()).toEqual(['server_1', 'server_1_port']);
  });
});
