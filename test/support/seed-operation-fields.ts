// The fields of a stack-set operation's metadata, exactly as the seed lists
// them (SPEC, stack sets): written here once from the seed, independently of
// shared/stacksets/model.ts, so the tests that check the studio keeps to them
// (unit lifecycle, integration runner, e2e metadata panel) check against the same list.
export const SEED_OPERATION_FIELDS: readonly string[] = [
  'action',
  'create_time',
  'deployment_targets',
  'operation_preferences',
  'stack_set_id',
  'stack_set_name',
  'stack_set_operation_id',
  'status',
  'status_message',
  'update_time',
];

/** The two fields the seed adds when the set is delegated (permission model with agencies). */
export const SEED_AGENCY_FIELDS: readonly string[] = ['administration_agency_urn', 'managed_agency_name'];
