// Seed 9.3's resource_validate against the real Heat: "Check again" asks for
// the extra resource checks only where Heat honours them, and says what this
// Heat did. The probe's fault is real (Heat refuses it when it runs the
// resource checks, as it does at create), so a Heat that honoured the
// parameter would be seen as 'applied'.
import { describe, expect, it } from 'vitest';
import { probeResourceValidate, RESOURCE_VALIDATE_PROBE } from '../../../main/cloud/resource-validate-probe';
import { uniqueName } from '../cloud/test-cloud';
import { useStudioOnCloud } from '../support/studio';

const studio = useStudioOnCloud('resource-validate');
const call = studio.call;

describe('resource_validate (seed 9.3) on the real Heat', () => {
  it('finds the probe fault real: Heat refuses it when the resource checks run (stack create)', async () => {
    const heat = studio.services.profiles.connection(studio.profileId).heat;
    await expect(heat.create({ stack_name: uniqueName('rv-probe'), template: RESOURCE_VALIDATE_PROBE })).rejects.toThrow(
      /cannot be smaller than combined character class/,
    );
  });

  it("reports that this cloud's Heat ignores resource_validate (its validate passes the probe with the parameter)", async () => {
    const heat = studio.services.profiles.connection(studio.profileId).heat;
    await expect(heat.validate({ template: RESOURCE_VALIDATE_PROBE }, { resourceValidate: true })).resolves.toMatchObject({ Parameters: {} });
    await expect(probeResourceValidate(heat)).resolves.toBe('ignored');
  });

  it('Check again says the resource checks did not run instead of pretending, and keeps the template usable', async () => {
    const [tpl] = studio.services.library.createMany([
      { name: 'short word', description: '', tags: [], from: { kind: 'yaml', yaml: RESOURCE_VALIDATE_PROBE } },
    ]);
    const result = await call('sync.recheck', { templateId: tpl!.id, profileId: studio.profileId });
    expect(result, JSON.stringify(result)).toMatchObject({ checkedWithCloud: true, resourceChecks: 'ignored', status: 'usable' });
    // Without a cloud Heat is not asked, so nothing is claimed about its checks.
    await expect(call('sync.recheck', { templateId: tpl!.id })).resolves.toMatchObject({ checkedWithCloud: false, resourceChecks: null });
  });
});
