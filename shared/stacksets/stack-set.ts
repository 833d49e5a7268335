// Rules on the stack set itself: its name, its identity across delete and
// re-create, and the permission model's agency fields.
import { accept, refuse, STACK_SET_ERRORS as E, type Checked } from './errors';
import { PERMISSION_MODELS, type AgencyFields, type PermissionModel, type StackSet } from './model';
import { msg } from '../messages/message';

export const STACK_SET_NAME_MAX = 128;
export const AGENCY_FIELD_MAX = 64;

// Seed: "可以使用中文、大小写英文、数字、下划线、中划线。首字符需为中文或者英文，区分大小写",
// 1-128 long. "Chinese" is read as the Han script; length counts characters
// (code points), which the u flag makes {0,127} do.
const NAME_PATTERN = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z0-9_-]{0,127}$/u;

export function validateStackSetName(name: unknown): Checked<string> {
  const field = 'stack_set_name';
  if (typeof name !== 'string' || name.length === 0) {
    return refuse(E.nameInvalid, field, msg('stackset.nameRequired'));
  }
  if ([...name].length > STACK_SET_NAME_MAX) {
    return refuse(E.nameInvalid, field, msg('stackset.nameTooLong', { max: STACK_SET_NAME_MAX }));
  }
  if (!NAME_PATTERN.test(name)) {
    const first = [...name][0] ?? '';
    const startsWell = /^[\p{Script=Han}A-Za-z]$/u.test(first);
    return refuse(E.nameInvalid, field, msg(startsWell ? 'stackset.nameChars' : 'stackset.nameStart', { name }));
  }
  return accept(name);
}

/** A new set's name: valid and not used by a current set (case sensitive: "Web" and "web" differ). */
export function validateNewStackSetName(name: unknown, existing: readonly Pick<StackSet, 'stack_set_name'>[]): Checked<string> {
  const checked = validateStackSetName(name);
  if (!checked.ok) return checked;
  if (existing.some((s) => s.stack_set_name === checked.value)) {
    return refuse(E.nameTaken, 'stack_set_name', msg('stackset.nameTaken', { name: checked.value }));
  }
  return checked;
}

/**
 * Finds the set an operation targets. The seed lets a user pin the id because
 * names are only unique at one moment: "如果给予的stack_set_id和当前资源栈集的ID不一致，则返回400".
 * So an id that is not the current set's (a deleted set's old id) is a 400,
 * not a 404, and nothing is done to the set that now carries the name.
 */
export function resolveStackSet(sets: readonly StackSet[], ref: { stack_set_name: string; stack_set_id?: string }): Checked<StackSet> {
  const current = sets.find((s) => s.stack_set_name === ref.stack_set_name);
  if (current === undefined) {
    return refuse(E.setNotFound, 'stack_set_name', `stack set "${ref.stack_set_name}" does not exist`);
  }
  if (ref.stack_set_id !== undefined && ref.stack_set_id !== current.stack_set_id) {
    return refuse(
      E.staleSetId,
      'stack_set_id',
      `stack_set_id ${ref.stack_set_id} is not the id of the current stack set "${ref.stack_set_name}" (${current.stack_set_id}); it may have been deleted and re-created`,
    );
  }
  return accept(current);
}

/**
 * The seed's exclusivity rules: SELF_MANAGED needs exactly one of
 * administration_agency_name / _urn ("必须有且只有一个存在") and requires
 * managed_agency_name; SERVICE_MANAGED refuses all three with a 400.
 * Empty strings count as absent (the seed's minimum length is 0).
 */
export function validatePermissionModel(model: unknown, agencies: AgencyFields): Checked<{ permission_model: PermissionModel } & AgencyFields> {
  if (typeof model !== 'string' || !(PERMISSION_MODELS as readonly string[]).includes(model)) {
    return refuse(E.permissionModelInvalid, 'permission_model', 'permission_model must be SELF_MANAGED or SERVICE_MANAGED (case sensitive)');
  }
  const present = (v: string | undefined): v is string => typeof v === 'string' && v.length > 0;
  for (const key of ['administration_agency_name', 'administration_agency_urn', 'managed_agency_name'] as const) {
    const value = agencies[key];
    if (value !== undefined && typeof value !== 'string') {
      return refuse(E.agencyTooLong, key, `${key} must be a string`);
    }
    if (present(value) && value.length > AGENCY_FIELD_MAX) {
      return refuse(E.agencyTooLong, key, `${key} is longer than ${AGENCY_FIELD_MAX} characters`);
    }
  }
  const { administration_agency_name: name, administration_agency_urn: urn, managed_agency_name: managed } = agencies;
  if (model === 'SERVICE_MANAGED') {
    for (const [key, value] of [
      ['administration_agency_name', name],
      ['administration_agency_urn', urn],
      ['managed_agency_name', managed],
    ] as const) {
      if (present(value))
        return refuse(key === 'managed_agency_name' ? E.managedAgency : E.administrationAgency, key, `${key} must not be given with SERVICE_MANAGED`);
    }
    return accept({ permission_model: 'SERVICE_MANAGED' });
  }
  if (present(name) === present(urn)) {
    return refuse(
      E.administrationAgency,
      'administration_agency_name',
      'SELF_MANAGED needs exactly one of administration_agency_name and administration_agency_urn',
    );
  }
  if (!present(managed)) {
    return refuse(E.managedAgency, 'managed_agency_name', 'managed_agency_name is required with SELF_MANAGED');
  }
  return accept({
    permission_model: 'SELF_MANAGED',
    ...(present(name) ? { administration_agency_name: name } : { administration_agency_urn: urn as string }),
    managed_agency_name: managed,
  });
}
