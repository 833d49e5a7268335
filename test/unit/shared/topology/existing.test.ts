import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../shared/hot/template';
import type { HotTemplate } from '../../../../shared/hot/template';
import { validateTemplate } from '../../../../shared/hot/validate';
import { nodeAt, toValue } from '../../../../shared/hot/node';
import { applyEdit } from '../../../../shared/hot/edits';
import { parentChain } from '../../../../shared/existing/inventory';
import type { ExistingKind } from '../../../../shared/existing/inventory';
import { connect, deleteNodes, drop } from '../../../../shared/topology/actions';
import { changedExisting, dropExisting, existingParams, parameterNameFor, readMarker } from '../../../../shared/topology/existing';
import { buildTopology } from '../../../../shared/topology/model';
import { paletteItem } from '../../../../shared/topology/palette';
import { connectTargets, dropTargets, saveVerdict } from '../../../../shared/topology/rules';
import { demoInventory, IDS } from '../existing/fixtures';
import { blank, dropped, linked } from './helpers';

const inv = demoInventory();
const prop = (t: HotTemplate, resource: string, ...path: (string | number)[]) =>
  toValue(nodeAt(t.root ?? undefined, ['resources', resource, 'properties', ...path]));
const param = (t: HotTemplate, name: string) => toValue(nodeAt(t.root ?? undefined, ['parameters', name]));
const errors = (t: HotTemplate) => validateTemplate(t).filter((d) => d.severity === 'error');

function withExisting(t: HotTemplate, kind: ExistingKind, id: string): HotTemplate {
  const r = dropExisting(t, parentChain(inv, kind, id));
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.template;
}
/** The text a re-opened template is read from: nothing but the YAML. */
const reopened = (t: HotTemplate) => parseTemplate(t.text);

describe('dropping an existing resource', () => {
  it('a private network brings its router and external network as marked parameters, parents first', () => {
    const r = dropExisting(blank(), parentChain(inv, 'private-network', IDS.private1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.node).toBe('param:existing_net_private1');
    expect(r.added).toEqual(['param:existing_net_private1', 'param:existing_ext_public', 'param:existing_router_router1']);
    expect(param(r.template, 'existing_router_router1')).toEqual({
      type: 'string',
      label: 'Existing router router1',
      description: `The existing router "router1" (${IDS.router1}) in the cloud, referenced by id; Heat Studio draws it read-only (tag heat-studio:existing=router).`,
      default: IDS.router1,
      constraints: [{ custom_constraint: 'neutron.router' }],
      tags: ['heat-studio:existing=router', 'heat-studio:name=router1', 'heat-studio:parent=existing_ext_public'],
    });
    expect(param(r.template, 'existing_net_private1')).toMatchObject({ default: IDS.private1, constraints: [{ custom_constraint: 'neutron.network' }] });
    expect(errors(r.template)).toEqual([]);
  });

  it('draws them existing, with the cloud relations as fixed edges, and the rules see the route', () => {
    const topo = buildTopology(withExisting(blank(), 'private-network', IDS.private1));
    const byName = (n: string) => topo.byId.get(`param:${n}`);
    expect(byName('existing_ext_public')).toMatchObject({ kind: 'external-network', existing: { id: IDS.public, name: 'public', parent: null } });
    expect(byName('existing_router_router1')).toMatchObject({ kind: 'router', existing: { parent: 'param:existing_ext_public' } });
    expect(byName('existing_net_private1')).toMatchObject({ kind: 'private-network', existing: { parent: 'param:existing_router_router1' } });
    expect(
      topo.edges
        .filter((e) => e.kind === 'existing')
        .map((e) => `${e.source}>${e.target}`)
        .sort(),
    ).toEqual(['param:existing_net_private1>param:existing_router_router1', 'param:existing_router_router1>param:existing_ext_public']);
    expect(topo.relations.networkRouters.get('param:existing_net_private1')).toEqual(['param:existing_router_router1']);
    expect(topo.relations.routerExternals.get('param:existing_router_router1')).toEqual(['param:existing_ext_public']);
  });

  it('reuses a resource already on the canvas instead of adding it twice', () => {
    const once = withExisting(blank(), 'router', IDS.router1);
    const r = dropExisting(once, parentChain(inv, 'private-network', IDS.private1));
    expect(r.ok && r.added).toEqual(['param:existing_net_private1']);
    const again = dropExisting(r.ok ? r.template : once, parentChain(inv, 'private-network', IDS.private1));
    expect(again.ok && again.template.text).toBe(r.ok ? r.template.text : '');
  });

  it('names parameters existing_<kind>_<name>, with a suffix when taken and the id when the name has no ASCII', () => {
    expect(parameterNameFor('private-network', 'web-tier net', 'x')).toBe('existing_net_web_tier_net');
    expect(parameterNameFor('private-network', '研发', '3e7a9d85-6c3b')).toBe('existing_net_3e7a9d85');
    const t = withExisting(
      parseTemplate('heat_template_version: 2018-08-31\nparameters:\n  existing_ext_public: {type: string}\nresources: {}\n'),
      'external-network',
      IDS.public,
    );
    expect(existingParams(t).get('existing_ext_public_2')?.id).toBe(IDS.public);
  });

  it('refuses a template older than 2018-03-02 (Heat rejects parameter tags there) and a CloudFormation template', () => {
    const old = parseTemplate('heat_template_version: 2016-10-14\nresources: {}\n');
    expect(dropExisting(old, parentChain(inv, 'external-network', IDS.public))).toMatchObject({
      ok: false,
      reason: 'existing-needs-version',
      params: { version: '2016-10-14' },
    });
    const cfn = parseTemplate('AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n');
    expect(dropExisting(cfn, parentChain(inv, 'external-network', IDS.public))).toMatchObject({ ok: false, reason: 'cfn-read-only' });
  });
});

describe('the marker round-trips through the YAML text', () => {
  it('re-opening the text gives the same existing nodes, kinds, ids, names and parents', () => {
    const t = withExisting(withExisting(blank(), 'private-network', IDS.private1), 'shared-network', IDS.shared);
    const a = buildTopology(t);
    const b = buildTopology(reopened(t));
    const summary = (topo: typeof a) =>
      topo.nodes
        .filter((n) => n.existing)
        .map((n) => [n.id, n.kind, n.existing])
        .sort();
    expect(summary(b)).toEqual(summary(a));
    expect(summary(b)).toHaveLength(4);
  });
  it('reads a hand-edited marker (block style, quoted) and ignores foreign or unknown tags', () => {
    const def = { type: 'string', default: 'abc', tags: ['team:web', 'heat-studio:existing=router', 'heat-studio:name=edge router'] };
    expect(readMarker('r', def)).toEqual({ kind: 'router', id: 'abc', name: 'edge router', parent: null });
    expect(readMarker('r', { type: 'string', tags: ['heat-studio:existing=volume'] })).toBeNull();
    expect(readMarker('r', { type: 'string', tags: 'heat-studio:existing=router' })).toBeNull();
    expect(readMarker('r', { type: 'string' })).toBeNull();
  });
  it('a parent parameter that was deleted by hand leaves a root, not a dangling edge', () => {
    const t = withExisting(blank(), 'router', IDS.router1);
    const cut = applyEdit(t, { op: 'unset', path: ['parameters', 'existing_ext_public'] });
    const topo = buildTopology(cut);
    expect(topo.byId.get('param:existing_router_router1')?.existing?.parent).toBeNull();
    expect(topo.edges.filter((e) => e.kind === 'existing')).toEqual([]);
  });
});

describe('new resources connected to existing ones write the right HOT (and it validates)', () => {
  const base = () => withExisting(withExisting(blank(), 'private-network', IDS.private1), 'shared-network', IDS.shared);

  it('a server on an existing private network: a port on it, and a floating IP from its routed external network', () => {
    let t = dropped(base(), 'server', 'param:existing_net_private1');
    expect(prop(t, 'server_1_port_1')).toEqual({ network: { get_param: 'existing_net_private1' } });
    expect(prop(t, 'server_1', 'networks')).toEqual([{ port: { get_resource: 'server_1_port_1' } }]);
    t = dropped(t, 'floating-ip', 'server_1');
    expect(prop(t, 'floating_ip_1')).toEqual({ floating_network: { get_param: 'existing_ext_public' } });
    expect(prop(t, 'floating_ip_1_association_1')).toEqual({ floatingip_id: { get_resource: 'floating_ip_1' }, port_id: { get_resource: 'server_1_port_1' } });
    expect(errors(t)).toEqual([]);
  });
  it('a server on an existing shared network: networks: [{network: {get_param}}]', () => {
    const t = dropped(base(), 'server', 'param:existing_shared_share_net');
    expect(prop(t, 'server_1', 'networks')).toEqual([{ network: { get_param: 'existing_shared_share_net' } }]);
    expect(errors(t)).toEqual([]);
  });
  it('a new private network under an existing router: an OS::Neutron::RouterInterface with router: {get_param}', () => {
    const t = dropped(base(), 'private-network', 'param:existing_router_router1');
    expect(prop(t, 'existing_router_router1_interface_1')).toEqual({
      router: { get_param: 'existing_router_router1' },
      subnet: { get_resource: 'private_subnet_1' },
    });
    expect(buildTopology(t).relations.networkRouters.get('private_net_1')).toEqual(['param:existing_router_router1']);
    expect(errors(t)).toEqual([]);
  });
  it('a new router on an existing external network: external_gateway_info', () => {
    const t = dropped(base(), 'router', 'param:existing_ext_public');
    expect(prop(t, 'router_1', 'external_gateway_info')).toEqual({ network: { get_param: 'existing_ext_public' } });
    expect(errors(t)).toEqual([]);
  });
  it('a floating IP from an existing external network: floating_network', () => {
    const t = dropped(base(), 'floating-ip', 'param:existing_ext_public');
    expect(prop(t, 'floating_ip_1')).toEqual({ floating_network: { get_param: 'existing_ext_public' } });
  });
  it('the seed rules keep applying with existing parents: only routers under an external network, only servers under a shared one', () => {
    const t = base();
    const kinds = (id: string) => dropTargets(buildTopology(t), paletteItem(id)!.kind).sort();
    expect(kinds('router')).toEqual(['param:existing_ext_public']);
    expect(kinds('server')).toEqual(['param:existing_net_private1', 'param:existing_shared_share_net']);
    expect(kinds('private-network')).toEqual(['param:existing_router_router1']);
    expect(drop(t, paletteItem('volume')!, 'param:existing_ext_public')).toMatchObject({ ok: false, reason: 'external-only-routers' });
  });
});

describe('existing resources are read-only', () => {
  const t = () => dropped(withExisting(blank(), 'private-network', IDS.private1), 'external-network');

  it('cannot be re-parented by a connection, either way round', () => {
    const withRouter = dropped(t(), 'router', 'param:external_network_1');
    expect(connect(withRouter, 'param:existing_net_private1', 'router_1')).toMatchObject({ ok: false, reason: 'existing-fixed', params: { name: 'private1' } });
    expect(connect(withRouter, 'router_1', 'param:existing_net_private1')).toMatchObject({ ok: false, reason: 'existing-fixed' });
    expect(connectTargets(buildTopology(withRouter), 'param:existing_router_router1')).toEqual([]);
  });
  it('canvas actions never change an existing parameter', () => {
    const before = t();
    let after = dropped(before, 'server', 'param:existing_net_private1');
    after = dropped(after, 'private-network', 'param:existing_router_router1');
    after = linked(after, 'server_1', 'private_net_1');
    expect(changedExisting(before, after)).toBeNull();
    for (const name of existingParams(before).keys()) expect(param(after, name)).toEqual(param(before, name));
  });
  it('an edit of an existing parameter is caught; removing one is not a change', () => {
    const before = t();
    const edited = applyEdit(before, { op: 'set', path: ['parameters', 'existing_router_router1', 'default'], value: 'other' });
    expect(changedExisting(before, edited)).toBe('existing_router_router1');
    expect(changedExisting(before, applyEdit(before, { op: 'unset', path: ['parameters', 'existing_router_router1'] }))).toBeNull();
  });
  it('deleting an existing parent takes its existing children; new resources under it lose only their reference', () => {
    const before = dropped(t(), 'server', 'param:existing_net_private1');
    const after = deleteNodes(before, ['param:existing_router_router1']);
    expect([...existingParams(after).keys()]).toEqual(['existing_ext_public']);
    expect(toValue(nodeAt(after.root ?? undefined, ['resources', 'server_1']))).toBeDefined();
  });
  it('rule 8: an existing external network alone cannot be saved; with a new router it can', () => {
    const onlyExt = withExisting(blank(), 'external-network', IDS.public);
    expect(saveVerdict(buildTopology(onlyExt))).toMatchObject({ ok: false, reason: 'only-root-networks' });
    expect(saveVerdict(buildTopology(dropped(onlyExt, 'router', 'param:existing_ext_public')))).toEqual({ ok: true });
  });
});
