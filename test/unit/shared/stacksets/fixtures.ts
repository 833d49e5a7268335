// Small builders for stack-set tests: a set, its instances over regions x
// domains, and an operation created from them with a fixed clock and rng.
import {
  createOperation,
  formatTimestamp,
  seededRng,
  type CreateOperationInput,
  type OperationState,
  type StackInstance,
  type StackSet,
} from '../../../../shared/stacksets';

export const T0 = Date.UTC(2024, 3, 22, 7, 17, 29, 0);
export const SET_ID = '11111111-1111-4111-8111-111111111111';
export const OTHER_SET_ID = '22222222-2222-4222-8222-222222222222';
export const OP_ID = '33333333-3333-4333-8333-333333333333';

export function makeSet(overrides: Partial<StackSet> = {}): StackSet {
  return {
    stack_set_id: SET_ID,
    stack_set_name: 'HelloWorld',
    stack_set_description: '',
    permission_model: 'SELF_MANAGED',
    administration_agency_urn: 'iam::admin:agency:rfs',
    managed_agency_name: 'rfs-managed',
    template_version_id: 'tv-1',
    parameters: {},
    create_time: formatTimestamp(T0),
    update_time: formatTimestamp(T0),
    ...overrides,
  };
}

export function makeInstances(regions: readonly string[], domains: readonly string[], setId = SET_ID): StackInstance[] {
  return regions.flatMap((region) =>
    domains.map((domain_id) => ({
      stack_set_id: setId,
      region,
      domain_id,
      status: 'OPERATION_COMPLETE' as const,
      status_message: '',
      stack_id: `stack-${region}-${domain_id}`,
      create_time: formatTimestamp(T0),
      update_time: formatTimestamp(T0),
    })),
  );
}

export function domains(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `p${i + 1}`);
}

/** An operation over every pair of regions x domains, all existing in the set. */
export function operationInput(
  regions: readonly string[],
  domainIds: readonly string[],
  preferences?: unknown,
  extra: Partial<CreateOperationInput> = {},
): CreateOperationInput {
  return {
    operationId: OP_ID,
    set: makeSet(),
    instances: makeInstances(regions, domainIds),
    action: 'UPDATE_STACK_INSTANCES',
    targets: { regions: [...regions], domain_ids: [...domainIds] },
    preferences,
    otherOperations: [],
    now: T0,
    rng: seededRng(7),
    ...extra,
  };
}

export function mustCreate(input: CreateOperationInput): OperationState {
  const r = createOperation(input);
  if (!r.ok) throw new Error(`expected the operation to be accepted: ${r.error.error_code} ${r.error.error_msg}`);
  return r.value;
}

export function must<T>(r: { ok: true; value: T } | { ok: false; error: { error_code: string; error_msg: string } }): T {
  if (!r.ok) throw new Error(`expected success: ${r.error.error_code} ${r.error.error_msg}`);
  return r.value;
}

export function statuses(state: OperationState): Record<string, string> {
  return Object.fromEntries(state.instances.map((i) => [i.key, i.status]));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
