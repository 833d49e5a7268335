import { describe, expect, it } from 'vitest';
import { validateProject } from '../../../../shared/hot/project';
import { parseTemplate, printTemplate } from '../../../../shared/hot/template';
import { validateTemplate } from '../../../../shared/hot/validate';
import { corpusSource, manifest, readCorpus } from './corpus-helpers';

const templates = manifest().filter((e) => e.kind === 'template');
const INVALID_DIR = 'heat-templates/openshift-origin/centos65/highly-available/invalid/';

/**
 * Templates that real Heat (Zed) refuses and that we report as errors, each
 * checked against Heat's own code paths while building the validator:
 * defaults that break their own constraints (HOTParamSchema.validate), an
 * `if` naming an undefined condition, get_param/get_attr to undeclared
 * names, an output with an unknown key, properties a type does not have.
 */
const KNOWN_HEAT_REJECTS: Record<string, string> = {
  'heat-templates/hot/designate/desginate_domain.yaml': 'unknown-property',
  'heat-templates/hot/designate/desginate_record.yaml': 'unknown-property',
  'heat-templates/hot/octavia/servers_with_octavia.yaml': 'unknown-property',
  'heat-templates/hot/software-config/example-templates/example-chef-template.yaml': 'property-wrong-type',
  'tripleo-heat-templates/deployment/cephadm/ceph-base.yaml': 'parameter-default-invalid',
  'tripleo-heat-templates/deployment/cephadm/ceph-mgr.yaml': 'unknown-condition',
  'tripleo-heat-templates/deployment/cephadm/ceph-rgw.yaml': 'unknown-condition',
  'tripleo-heat-templates/deployment/cinder/cinder-backend-dellemc-sc-puppet.yaml': 'unknown-parameter',
  'tripleo-heat-templates/deployment/manila/manila-backend-cephfs.yaml': 'parameter-default-invalid',
  'tripleo-heat-templates/deployment/neutron/neutron-compute-plugin-nuage.yaml': 'unknown-output-key',
  'tripleo-heat-templates/deployment/neutron/neutron-plugin-nsx-container-puppet.yaml': 'function-bad-arguments',
  'tripleo-heat-templates/deployment/rabbitmq/rabbitmq-messaging-pacemaker-puppet.yaml': 'unknown-resource',
  'tripleo-heat-templates/deployment/securetty/securetty-baremetal-ansible.yaml': 'parameter-default-invalid',
};

describe('the shared HOT corpus', () => {
  it('parses every template and prints each back byte for byte', () => {
    let parsed = 0;
    let identical = 0;
    for (const e of templates) {
      const text = readCorpus(e.path);
      const t = parseTemplate(text, e.path);
      if (t.root && t.loadDiagnostics.every((d) => d.severity !== 'error')) parsed++;
      if (printTemplate(t) === text) identical++;
    }
    expect(templates.length).toBe(359);
    expect(parsed).toBe(359);
    expect(identical).toBe(359);
  });

  it('reports errors only on the templates real Heat refuses, with the expected code', () => {
    const withErrors: Record<string, string[]> = {};
    for (const e of templates) {
      if (e.path.startsWith(INVALID_DIR)) continue;
      const diags = validateTemplate(parseTemplate(readCorpus(e.path), e.path));
      const codes = diags.filter((d) => d.severity === 'error').map((d) => d.code);
      if (codes.length) withErrors[e.path] = codes;
    }
    expect(Object.keys(withErrors).sort()).toEqual(Object.keys(KNOWN_HEAT_REJECTS).sort());
    for (const [file, code] of Object.entries(KNOWN_HEAT_REJECTS)) expect(withErrors[file]).toContain(code);
  });

  it('reports the template set its authors marked invalid, validated with its environment', () => {
    // oso_ha.yaml uses Neutron LBaaS v1 (removed from OpenStack); it nests
    // oso_node.yaml through its environment's resource_registry.
    const result = validateProject(`${INVALID_DIR}oso_ha.yaml`, [`${INVALID_DIR}oso_ha_env.yaml`], corpusSource);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.line} ${d.code}`)).toEqual(['299 resource-type-removed', '307 resource-type-removed', '323 resource-type-removed']);
    expect([...result.templates.keys()]).toContain(`${INVALID_DIR}oso_node.yaml`);
  });
});
