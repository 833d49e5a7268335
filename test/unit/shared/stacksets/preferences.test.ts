import { describe, expect, it } from 'vitest';
import { createOperation, regionLimits, STACK_SET_ERRORS as E, validatePreferences } from '../../../../shared/stacksets';
import { domains, operationInput } from './fixtures';

const regions = ['r1', 'r2'];

function refusal(raw: unknown, ops = regions): { code: string; field: string } | null {
  const r = validatePreferences(raw, ops);
  return r.ok ? null : { code: r.error.error_code, field: r.error.field };
}

describe('operation preferences', () => {
  it('fills in the seed defaults: SEQUENTIAL, random order, tolerance 0, concurrency 1, STRICT', () => {
    expect(validatePreferences(undefined, regions)).toEqual({
      ok: true,
      value: {
        regionConcurrencyType: 'SEQUENTIAL',
        regionOrder: null,
        failureTolerance: { kind: 'count', value: 0 },
        maxConcurrent: { kind: 'count', value: 1 },
        failureToleranceMode: 'STRICT_FAILURE_TOLERANCE',
      },
    });
  });

  it('accepts region_order with SEQUENTIAL given or defaulted', () => {
    expect(validatePreferences({ region_order: ['r2', 'r1'] }, regions).ok).toBe(true);
    expect(validatePreferences({ region_concurrency_type: 'SEQUENTIAL', region_order: ['r2', 'r1'] }, regions).ok).toBe(true);
  });

  it.each([
    [{ region_concurrency_type: 'PARALLEL', region_order: ['r1', 'r2'] }, E.regionOrderNotSequential, 'region_order'],
    [{ region_order: ['r1', 'r2', 'r3'] }, E.regionOrderMismatch, 'region_order'],
    [{ region_order: ['r1'] }, E.regionOrderMismatch, 'region_order'],
    [{ region_order: ['r1', 'r2', 'r1'] }, E.regionOrderMismatch, 'region_order'],
    [{ failure_tolerance_count: 1, failure_tolerance_percentage: 10 }, E.toleranceExclusive, 'failure_tolerance_count'],
    [{ max_concurrent_count: 1, max_concurrent_percentage: 10 }, E.concurrencyExclusive, 'max_concurrent_count'],
    [{ failure_tolerance_count: 101 }, E.toleranceOutOfRange, 'failure_tolerance_count'],
    [{ failure_tolerance_count: -1 }, E.toleranceOutOfRange, 'failure_tolerance_count'],
    [{ failure_tolerance_percentage: 1.5 }, E.toleranceOutOfRange, 'failure_tolerance_percentage'],
    [{ max_concurrent_count: 0 }, E.concurrencyOutOfRange, 'max_concurrent_count'],
    [{ max_concurrent_count: 6, failure_tolerance_count: 10 }, E.concurrencyOutOfRange, 'max_concurrent_count'],
    [{ max_concurrent_percentage: 0 }, E.concurrencyOutOfRange, 'max_concurrent_percentage'],
    [{ max_concurrent_percentage: 101 }, E.concurrencyOutOfRange, 'max_concurrent_percentage'],
    [{ max_concurrent_count: 3, failure_tolerance_count: 1 }, E.concurrencyAboveTolerance, 'max_concurrent_count'],
    [{ max_concurrent_count: 2 }, E.concurrencyAboveTolerance, 'max_concurrent_count'],
    [{ region_concurrency_type: 'parallel' }, E.concurrencyTypeInvalid, 'region_concurrency_type'],
    [{ failure_tolerance_mode: 'SOFT' }, E.toleranceModeInvalid, 'failure_tolerance_mode'],
    [{ concurrency_mode: 'SOFT_FAILURE_TOLERANCE' }, E.preferenceUnknown, 'concurrency_mode'],
  ])('refuses %j with %s naming the field', (raw, code, key) => {
    expect(refusal(raw)).toEqual({ code, field: `operation_preferences.${key}` });
  });

  it('names the stray region in a region_order that is not the operation’s', () => {
    const r = validatePreferences({ region_order: ['r1', 'r9'] }, regions);
    expect(!r.ok && r.error.error_msg).toContain('"r9"');
  });

  it('floors the percentages per region and never lets concurrency floor to 0', () => {
    const prefs = validatePreferences({ failure_tolerance_percentage: 30, max_concurrent_percentage: 10 }, regions);
    if (!prefs.ok) throw new Error('expected valid preferences');
    expect(regionLimits(prefs.value, 7)).toEqual({ tolerance: 2, concurrency: 1 });
    expect(regionLimits(prefs.value, 10)).toEqual({ tolerance: 3, concurrency: 1 });
    expect(regionLimits(prefs.value, 29)).toEqual({ tolerance: 8, concurrency: 2 });
  });

  it('computes 29% of 100 exactly, without floating-point drift', () => {
    const prefs = validatePreferences({ failure_tolerance_percentage: 29, max_concurrent_percentage: 29 }, regions);
    if (!prefs.ok) throw new Error('expected valid preferences');
    expect(regionLimits(prefs.value, 100)).toEqual({ tolerance: 29, concurrency: 29 });
  });
});

describe('concurrency against tolerance per region', () => {
  it('refuses a percentage concurrency above tolerance + 1 in a region, naming the region', () => {
    // 50% of 6 = 3 concurrent, tolerance 1: 3 > 2
    const r = createOperation(operationInput(['r1'], domains(6), { max_concurrent_percentage: 50, failure_tolerance_count: 1 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.error_code).toBe(E.concurrencyAboveTolerance);
    expect(r.error.field).toBe('operation_preferences.max_concurrent_percentage');
    expect(r.error.error_msg).toContain('"r1"');
  });

  it('accepts the same percentages where the region is small enough', () => {
    // 50% of 3 = 1 concurrent, tolerance 1
    expect(createOperation(operationInput(['r1'], domains(3), { max_concurrent_percentage: 50, failure_tolerance_count: 1 })).ok).toBe(true);
  });

  it('checks a count concurrency against a percentage tolerance per region', () => {
    // tolerance 20% of 5 = 1, concurrency 3 > 2
    expect(createOperation(operationInput(['r1'], domains(5), { max_concurrent_count: 3, failure_tolerance_percentage: 20 })).ok).toBe(false);
    // tolerance 20% of 10 = 2, concurrency 3 = 3
    expect(createOperation(operationInput(['r1'], domains(10), { max_concurrent_count: 3, failure_tolerance_percentage: 20 })).ok).toBe(true);
  });

  it('holds the rule under SOFT too, as the seed states it without naming a mode', () => {
    const r = createOperation(
      operationInput(['r1'], domains(4), { max_concurrent_count: 3, failure_tolerance_count: 0, failure_tolerance_mode: 'SOFT_FAILURE_TOLERANCE' }),
    );
    expect(!r.ok && r.error.error_code).toBe(E.concurrencyAboveTolerance);
  });
});
