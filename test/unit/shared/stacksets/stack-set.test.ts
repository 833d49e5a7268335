import { describe, expect, it } from 'vitest';
import {
  createOperation,
  resolveStackSet,
  seedErrorBody,
  STACK_SET_ERRORS,
  toErrorPayload,
  validateNewStackSetName,
  validatePermissionModel,
  validateStackSetName,
} from '../../../../shared/stacksets';
import { makeSet, operationInput, OTHER_SET_ID, SET_ID } from './fixtures';

describe('stack set names', () => {
  it.each(['HelloWorld', 'a', '资源栈集', '中文_name-2', 'A'.repeat(128), 'x-_9'])('accepts "%s"', (name) => {
    expect(validateStackSetName(name)).toEqual({ ok: true, value: name });
  });

  it.each([
    ['', 'empty'],
    ['1abc', 'starting with a digit'],
    ['_abc', 'starting with an underscore'],
    ['-abc', 'starting with a hyphen'],
    ['a b', 'containing a space'],
    ['a.b', 'containing a dot'],
    ['A'.repeat(129), 'of 129 characters'],
    ['é', 'starting with an accented letter'],
  ])('refuses "%s" (%s) with the name code and a message naming the field', (name) => {
    const r = validateStackSetName(name);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.error_code).toBe(STACK_SET_ERRORS.nameInvalid);
    expect(r.error.field).toBe('stack_set_name');
    expect(r.error.error_msg).toContain('stack_set_name');
  });

  it('says why a name starting with a digit is refused', () => {
    const r = validateStackSetName('9lives');
    expect(!r.ok && r.error.error_msg).toContain('must start with a Chinese character or a letter');
  });

  it('counts Chinese characters, not UTF-16 units, against the 128 limit', () => {
    expect(validateStackSetName('集'.repeat(128)).ok).toBe(true);
    expect(validateStackSetName('𠀀'.repeat(128)).ok).toBe(true);
    expect(validateStackSetName('𠀀'.repeat(129)).ok).toBe(false);
  });

  it('refuses a name already used by a current set but treats case as different', () => {
    const sets = [makeSet({ stack_set_name: 'Web' })];
    const taken = validateNewStackSetName('Web', sets);
    expect(!taken.ok && taken.error.error_code).toBe(STACK_SET_ERRORS.nameTaken);
    expect(validateNewStackSetName('web', sets).ok).toBe(true);
  });
});

describe('stack set identity', () => {
  const recreated = makeSet({ stack_set_id: OTHER_SET_ID });

  it('finds the current set by name, with or without its id', () => {
    expect(resolveStackSet([recreated], { stack_set_name: 'HelloWorld' })).toEqual({ ok: true, value: recreated });
    expect(resolveStackSet([recreated], { stack_set_name: 'HelloWorld', stack_set_id: OTHER_SET_ID }).ok).toBe(true);
  });

  it('refuses with a 400 an operation naming the old id of a deleted and re-created set', () => {
    const r = resolveStackSet([recreated], { stack_set_name: 'HelloWorld', stack_set_id: SET_ID });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ error_code: STACK_SET_ERRORS.staleSetId, http_status: 400, field: 'stack_set_id' });
  });

  it('answers 404 for a name no current set carries', () => {
    const r = resolveStackSet([recreated], { stack_set_name: 'Gone' });
    expect(!r.ok && r.error.http_status).toBe(404);
  });

  it('refuses to create an operation pinned to an id that is not the set it is given', () => {
    const r = createOperation(operationInput(['r1'], ['p1'], undefined, { set: recreated, requestedSetId: SET_ID }));
    expect(!r.ok && r.error.error_code).toBe(STACK_SET_ERRORS.staleSetId);
  });
});

describe('permission model', () => {
  it('accepts SELF_MANAGED with exactly one administration agency and a managed agency', () => {
    expect(validatePermissionModel('SELF_MANAGED', { administration_agency_name: 'a', managed_agency_name: 'm' }).ok).toBe(true);
    expect(validatePermissionModel('SELF_MANAGED', { administration_agency_urn: 'u', managed_agency_name: 'm' }).ok).toBe(true);
  });

  it('refuses SELF_MANAGED with both or neither administration agency fields', () => {
    const both = validatePermissionModel('SELF_MANAGED', { administration_agency_name: 'a', administration_agency_urn: 'u', managed_agency_name: 'm' });
    const neither = validatePermissionModel('SELF_MANAGED', { managed_agency_name: 'm' });
    expect(!both.ok && both.error.error_code).toBe(STACK_SET_ERRORS.administrationAgency);
    expect(!neither.ok && neither.error.error_code).toBe(STACK_SET_ERRORS.administrationAgency);
  });

  it('refuses SELF_MANAGED without a managed agency', () => {
    const r = validatePermissionModel('SELF_MANAGED', { administration_agency_name: 'a' });
    expect(!r.ok && r.error.field).toBe('managed_agency_name');
  });

  it.each(['administration_agency_name', 'administration_agency_urn', 'managed_agency_name'] as const)('refuses SERVICE_MANAGED with %s', (key) => {
    const r = validatePermissionModel('SERVICE_MANAGED', { [key]: 'x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe(key);
    expect(r.error.http_status).toBe(400);
  });

  it('accepts SERVICE_MANAGED with no agency and treats empty strings as absent', () => {
    expect(validatePermissionModel('SERVICE_MANAGED', {}).ok).toBe(true);
    expect(validatePermissionModel('SERVICE_MANAGED', { managed_agency_name: '' }).ok).toBe(true);
  });

  it('refuses an agency name over 64 characters and a lower-case model', () => {
    expect(validatePermissionModel('SELF_MANAGED', { administration_agency_name: 'a'.repeat(65), managed_agency_name: 'm' }).ok).toBe(false);
    expect(validatePermissionModel('self_managed', {}).ok).toBe(false);
  });
});

describe('error shape', () => {
  it('carries an 11-character code and maps to the IPC envelope', () => {
    for (const code of Object.values(STACK_SET_ERRORS)) expect(code).toHaveLength(11);
    const r = validateStackSetName('1');
    if (r.ok) throw new Error('expected a refusal');
    expect(Object.keys(seedErrorBody(r.error)).sort()).toEqual(['encoded_authorization_message', 'error_code', 'error_msg']);
    expect(toErrorPayload(r.error)).toEqual({
      code: 'BAD_REQUEST',
      message: r.error.error_msg,
      details: { error_code: 'SS.400.0001', field: 'stack_set_name' },
      msg: { key: 'stackset.nameStart', params: { name: '1' } },
    });
  });

  it('never reuses a code for two errors', () => {
    const codes = Object.values(STACK_SET_ERRORS);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
