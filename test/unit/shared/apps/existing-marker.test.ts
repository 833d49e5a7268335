// The app export's existing-resource check reads the canvas marker first
// (shared/topology/existing.ts) and keeps the UUID rule for hand-written templates.
import { describe, expect, it } from 'vitest';
import { checkExistingResources } from '../../../../shared/apps/checks';
import { parentChain } from '../../../../shared/existing/inventory';
import { dropExisting } from '../../../../shared/topology/existing';
import { paletteItem } from '../../../../shared/topology/palette';
import { drop } from '../../../../shared/topology/actions';
import { parseTemplate } from '../../../../shared/hot/template';
import { BLANK_TEMPLATE } from '../../../../shared/library/recommended';
import { demoInventory, IDS } from '../existing/fixtures';

const files = (yaml: string) => ({ entryPath: 'template.yaml', yaml, files: {}, environment: null });

describe('existing resources block an app export', () => {
  it('each marked parameter is one problem naming the resource, its id, the parameter and the line', () => {
    const r = dropExisting(parseTemplate(BLANK_TEMPLATE), parentChain(demoInventory(), 'router', IDS.router1));
    if (!r.ok) throw new Error(r.reason);
    const withRouter = drop(r.template, paletteItem('private-network')!, 'param:existing_router_router1');
    if (!withRouter.ok) throw new Error(withRouter.reason);
    const problems = checkExistingResources(files(withRouter.template.text));
    expect(problems.map((p) => [p.code, p.params.parameter, p.params.id])).toEqual([
      ['APP_EXISTING_MARKED', 'existing_ext_public', IDS.public],
      ['APP_EXISTING_MARKED', 'existing_router_router1', IDS.router1],
    ]);
    expect(problems[1]!.message).toContain('router router1');
    expect(problems[0]!.line).toBe(6);
  });

  it('a marked parameter whose default is a name (not a UUID) still counts: the marker decides', () => {
    const yaml = `heat_template_version: 2018-08-31
parameters:
  existing_ext_public:
    type: string
    default: public
    tags: [heat-studio:existing=external-network]
resources:
  router:
    type: OS::Neutron::Router
    properties: {external_gateway_info: {network: {get_param: existing_ext_public}}}
`;
    expect(checkExistingResources(files(yaml)).map((p) => p.code)).toEqual(['APP_EXISTING_MARKED']);
  });

  it('an unmarked parameter with a UUID default falls back to the UUID rule', () => {
    const yaml = `heat_template_version: 2018-08-31
parameters:
  net: {type: string, default: ${IDS.private1}}
resources:
  port:
    type: OS::Neutron::Port
    properties: {network: {get_param: net}}
`;
    expect(checkExistingResources(files(yaml)).map((p) => [p.code, p.resource])).toEqual([['APP_EXISTING_RESOURCE', 'port']]);
  });
});
