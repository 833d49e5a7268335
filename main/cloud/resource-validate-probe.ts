// Does this cloud's Heat honour POST /validate?resource_validate=true (seed
// 9.3, the extra per-resource checks)? Heat gives no capability flag for it:
// the Heat on the test cloud drops query parameters it does not know
// (api/openstack/v1/stacks.py keeps only show_nested and ignore_errors) and
// always validates "template only", so a 200 says nothing. The probe is a
// template that only a resource plugin's own validate() refuses: a
// RandomString shorter than its character-class minimums. Passing it with
// resource_validate=true means Heat ignored the parameter; refusing it with
// that reason means the checks ran; a 400 naming the parameter means Heat
// refuses it. The studio reports which, instead of pretending.
import { AppError } from '../../shared/ipc/errors';
import type { HeatClient } from './heat-client';

export type ResourceValidateSupport = 'applied' | 'ignored' | 'refused';

export const RESOURCE_VALIDATE_PROBE = `heat_template_version: 2018-08-31
description: Heat Studio probe for resource_validate (never deployed)
resources:
  probe:
    type: OS::Heat::RandomString
    properties:
      length: 1
      character_classes: [{class: digits, min: 2}]
`;

/** RandomString.validate()'s words for the probe's fault. */
const PLUGIN_CHECK_REASON = /cannot be smaller than combined character class/i;

export async function probeResourceValidate(heat: HeatClient): Promise<ResourceValidateSupport> {
  try {
    await heat.validate({ template: RESOURCE_VALIDATE_PROBE }, { resourceValidate: true });
    return 'ignored';
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (PLUGIN_CHECK_REASON.test(err.message)) return 'applied';
    if (/resource_validate/i.test(err.message) && (err.code === 'BAD_REQUEST' || err.code === 'TEMPLATE_INVALID')) return 'refused';
    throw err; // unreachable, auth...: the caller treats it as a cloud error
  }
}
