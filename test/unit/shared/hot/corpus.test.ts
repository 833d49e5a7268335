import { describe, expect, it } from 'vitest';
import { validateProject } from '../../../../shared/hot/project';
import { parseTemplate, printTemplate } from '../../../../shared/hot/template';
import { validateTemplate } from '../../../../shared/hot/validate';
import { corpusSource, manifest, readCorpus } from './corpus-helpers';

const templates = manifest().filter((e) => e.kind === 'template');
const INVALID_DIR = 'heat-templates/openshift-origin/centos65/highly-available/invalid/';

/**
 * The corpus templates we report errors on, each confirmed against the real
 * Heat 19 of test/cloud (test/integration/hot/agreement.test.ts, POST
 * /validate with unavailable types mapped to OS::Heat::None) or, where that
 * mapping hides the check, against Heat's own code:
 * - refused by Heat's /validate: the five parameter defaults that break
 *   their own constraints, the function with bad arguments and the
 *   reference to a missing resource;
 * - octavia: max_retries_down is not in Heat 19's OS::Octavia::HealthMonitor
 *   properties_schema (heat/engine/resources/openstack/octavia/health_monitor.py),
 *   so a cloud with Octavia answers "Unknown Property";
 * - example-chef: a list for StructuredConfig's map property `config`,
 *   refused by Heat's create preview (strict validation);
 * - ceph-mgr, ceph-rgw: an undefined condition inside a branch Heat drops
 *   with the default EnableInternalTLS=false; Heat refuses it with true.
 * Heat accepts, and we therefore only warn about: removed types kept as
 * NoneResource placeholders (designate Domain/Record), unknown output keys
 * (nuage), get_param to an undeclared parameter inside an output (dellemc).
 */
const KNOWN_HEAT_REJECTS: Record<string, string> = {
  'heat-templates/hot/octavia/servers_with_octavia.yaml': 'unknown-property',
  'heat-templates/hot/software-config/example-templates/example-chef-template.yaml': 'property-wrong-type',
  'tripleo-heat-templates/deployment/cephadm/ceph-base.yaml': 'parameter-default-invalid',
  'tripleo-heat-templates/deployment/cephadm/ceph-mgr.yaml': 'unknown-condition',
  'tripleo-heat-templates/deployment/cephadm/ceph-rgw.yaml': 'unknown-condition',
  'tripleo-heat-templates/deployment/manila/manila-backend-cephfs.yaml': 'parameter-default-invalid',
  'tripleo-heat-templates/deployment/neutron/neutron-plugin-nsx-container-puppet.yaml': 'function-bad-arguments',
  'tripleo-heat-templates/deployment/rabbitmq/rabbitmq-messaging-pacemaker-puppet.yaml': 'unknown-resource',
  'tripleo-heat-templates/deployment/securetty/securetty-baremetal-ansible.yaml': 'parameter-default-invalid',
};

/** Templates Heat accepts where we only warn, with the warning we give. */
const HEAT_ACCEPTS_WITH_WARNING: Record<string, string> = {
  'heat-templates/hot/designate/desginate_domain.yaml': 'resource-type-removed',
  'heat-templates/hot/designate/desginate_record.yaml': 'resource-type-removed',
  'tripleo-heat-templates/deployment/cinder/cinder-backend-dellemc-sc-puppet.yaml': 'unknown-parameter',
  'tripleo-heat-templates/deployment/neutron/neutron-compute-plugin-nuage.yaml': 'unknown-output-key',
};

describe('the shared HOT corpus', () => {
  it('parses every template and prints each back byte for byte', { timeout: 30_000 }, () => {
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

  it('only warns where Heat accepts a template with a removed placeholder type, a stray output key or an output reading an undeclared parameter', () => {
    for (const [file, code] of Object.entries(HEAT_ACCEPTS_WITH_WARNING)) {
      const diags = validateTemplate(parseTemplate(readCorpus(file), file));
      expect(
        diags.filter((d) => d.severity === 'error'),
        file,
      ).toEqual([]);
      expect(
        diags.filter((d) => d.severity === 'warning').map((d) => d.code),
        file,
      ).toContain(code);
    }
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
