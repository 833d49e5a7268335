import { describe, expect, it } from 'vitest';
import {
  createOperation,
  decodeUtf8,
  DOMAIN_IDS_CSV_MAX_BYTES,
  parseDomainIdsCsv,
  resolveDeploymentTargets,
  selectInstances,
  STACK_SET_ERRORS,
} from '../../../../shared/stacksets';
import { makeInstances, makeSet, operationInput, utf8 } from './fixtures';

describe('the domain id CSV', () => {
  it('splits on commas and allows line breaks around ids', () => {
    expect(parseDomainIdsCsv(utf8('a,b,\nc ,\r\n d'))).toEqual({ ok: true, value: ['a', 'b', 'c', 'd'] });
  });

  it('drops the BOM Notepad writes', () => {
    expect(parseDomainIdsCsv(utf8('\uFEFFa,b'))).toEqual({ ok: true, value: ['a', 'b'] });
  });

  it('refuses a file over 100 KB without reading it', () => {
    const big = utf8('a,'.repeat(100 * 1024));
    expect(big.length).toBe(200 * 1024);
    const r = parseDomainIdsCsv(big);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.error_code).toBe(STACK_SET_ERRORS.csvTooLarge);
    expect(r.error.field).toBe('deployment_targets.domain_ids_uri');
  });

  it('accepts exactly 100 KB', () => {
    const text = `${'a'.repeat(DOMAIN_IDS_CSV_MAX_BYTES - 3 - 64)},${'b'.repeat(64)},c`;
    expect(utf8(text).length).toBe(DOMAIN_IDS_CSV_MAX_BYTES);
    // the first id is too long, which proves the size check let it through to the id check
    const r = parseDomainIdsCsv(utf8(text));
    expect(!r.ok && r.error.error_code).toBe(STACK_SET_ERRORS.domainIdInvalid);
  });

  it.each([
    ['a,,b', 'two commas in a row'],
    ['a,b,', 'a trailing comma'],
    [',a', 'a leading comma'],
    ['', 'an empty file'],
    ['a, ,b', 'an id of spaces'],
  ])('refuses "%s" (%s) as an empty id', (text) => {
    const r = parseDomainIdsCsv(utf8(text));
    expect(!r.ok && r.error.error_code).toBe(STACK_SET_ERRORS.csvEmptyId);
  });

  it('refuses ids separated only by a line break, an id over 64 characters and a repeated id', () => {
    expect(parseDomainIdsCsv(utf8('a\nb')).ok).toBe(false);
    expect(parseDomainIdsCsv(utf8('x'.repeat(65))).ok).toBe(false);
    const twice = parseDomainIdsCsv(utf8('a,b,a'));
    expect(!twice.ok && twice.error.error_msg).toContain('twice');
  });

  it('refuses bytes that are not UTF-8 (a GBK file, an overlong slash, a lone surrogate)', () => {
    for (const bytes of [
      [0xd6, 0xd0, 0xce, 0xc4],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0x61, 0xe4, 0xb8],
    ]) {
      const r = parseDomainIdsCsv(new Uint8Array(bytes));
      expect(!r.ok && r.error.error_code).toBe(STACK_SET_ERRORS.csvNotUtf8);
    }
  });

  it('decodes UTF-8 the same way the platform does', () => {
    const text = 'ascii, 中文, emoji 🎉, é';
    expect(decodeUtf8(utf8(text))).toBe(text);
  });
});

describe('deployment targets', () => {
  it('needs exactly one of domain_ids and domain_ids_uri', () => {
    const both = resolveDeploymentTargets({ regions: ['r1'], domain_ids: ['a'], domain_ids_uri: 'ids.csv' }, utf8('a'));
    const neither = resolveDeploymentTargets({ regions: ['r1'] });
    expect(!both.ok && both.error.error_code).toBe(STACK_SET_ERRORS.domainTargetsExclusive);
    expect(!neither.ok && neither.error.error_code).toBe(STACK_SET_ERRORS.domainTargetsExclusive);
  });

  it('reads the ids from the CSV when domain_ids_uri is given', () => {
    expect(resolveDeploymentTargets({ regions: ['r1'], domain_ids_uri: 'ids.csv' }, utf8('a,b'))).toEqual({
      ok: true,
      value: { regions: ['r1'], domainIds: ['a', 'b'] },
    });
  });

  it('refuses empty or repeated regions and a domain id over 64 characters', () => {
    expect(resolveDeploymentTargets({ regions: [], domain_ids: ['a'] }).ok).toBe(false);
    expect(resolveDeploymentTargets({ regions: ['r1', 'r1'], domain_ids: ['a'] }).ok).toBe(false);
    expect(resolveDeploymentTargets({ regions: ['r1'], domain_ids: ['x'.repeat(65)] }).ok).toBe(false);
  });

  it('selects the existing instances in regions x domain ids, in the order given', () => {
    const existing = makeInstances(['r1', 'r2'], ['a', 'b']).filter((i) => !(i.region === 'r2' && i.domain_id === 'a'));
    const r = selectInstances('DEPLOY_STACK_SET', existing, { regions: ['r2', 'r1'], domainIds: ['b', 'a'] });
    expect(r).toEqual({
      ok: true,
      value: [
        { region: 'r2', domain_id: 'b' },
        { region: 'r1', domain_id: 'b' },
        { region: 'r1', domain_id: 'a' },
      ],
    });
  });

  it('refuses a region or a domain the set does not manage', () => {
    const existing = makeInstances(['r1'], ['a']);
    const region = selectInstances('UPDATE_STACK_INSTANCES', existing, { regions: ['r1', 'r9'], domainIds: ['a'] });
    const domain = selectInstances('DELETE_STACK_INSTANCES', existing, { regions: ['r1'], domainIds: ['a', 'z'] });
    expect(!region.ok && region.error.error_code).toBe(STACK_SET_ERRORS.regionNotManaged);
    expect(!domain.ok && domain.error.error_code).toBe(STACK_SET_ERRORS.domainNotManaged);
  });

  it('creates new pairs but refuses to create one that exists', () => {
    const existing = makeInstances(['r1'], ['a']);
    expect(selectInstances('CREATE_STACK_INSTANCES', existing, { regions: ['r2'], domainIds: ['a', 'b'] }).ok).toBe(true);
    const clash = selectInstances('CREATE_STACK_INSTANCES', existing, { regions: ['r1'], domainIds: ['a'] });
    expect(!clash.ok && clash.error.error_code).toBe(STACK_SET_ERRORS.instanceExists);
  });

  it('refuses an operation whose CSV is 200 KB and leaves its input untouched', () => {
    const input = operationInput(['r1'], ['a'], undefined, {
      targets: { regions: ['r1'], domain_ids_uri: 'ids.csv' },
      domainIdsCsv: utf8('a,'.repeat(100 * 1024)),
    });
    const before = JSON.stringify({ ...input, domainIdsCsv: undefined, rng: undefined });
    const r = createOperation(input);
    expect(!r.ok && r.error.error_code).toBe(STACK_SET_ERRORS.csvTooLarge);
    expect(JSON.stringify({ ...input, domainIdsCsv: undefined, rng: undefined })).toBe(before);
  });

  it('refuses an operation whose CSV has an empty id', () => {
    const r = createOperation(
      operationInput(['r1'], ['a', 'b'], undefined, { targets: { regions: ['r1'], domain_ids_uri: 'ids.csv' }, domainIdsCsv: utf8('a,,b') }),
    );
    expect(!r.ok && r.error.error_code).toBe(STACK_SET_ERRORS.csvEmptyId);
  });

  it('asks a SERVICE_MANAGED set for exactly one of domain_ids and domain_ids_uri too (the seed gives it no other target)', () => {
    const set = makeSet({ permission_model: 'SERVICE_MANAGED', administration_agency_urn: undefined, managed_agency_name: undefined });
    const neither = createOperation(operationInput(['r1'], ['a'], undefined, { set, targets: { regions: ['r1'] } }));
    const both = createOperation(
      operationInput(['r1'], ['a'], undefined, { set, targets: { regions: ['r1'], domain_ids: ['a'], domain_ids_uri: 'ids.csv' }, domainIdsCsv: utf8('a') }),
    );
    expect(!neither.ok && [neither.error.error_code, neither.error.field]).toEqual([STACK_SET_ERRORS.domainTargetsExclusive, 'deployment_targets.domain_ids']);
    expect(!both.ok && both.error.error_code).toBe(STACK_SET_ERRORS.domainTargetsExclusive);
    const ids = createOperation(operationInput(['r1'], ['a', 'b'], undefined, { set }));
    const csv = createOperation(
      operationInput(['r1'], ['a', 'b'], undefined, { set, targets: { regions: ['r1'], domain_ids_uri: 'ids.csv' }, domainIdsCsv: utf8('b,a') }),
    );
    expect(ids.ok && ids.value.instances.map((i) => i.domain_id)).toEqual(['a', 'b']);
    expect(csv.ok && csv.value.instances.map((i) => i.domain_id)).toEqual(['b', 'a']);
  });
});
