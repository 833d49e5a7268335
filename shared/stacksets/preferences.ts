// operation_preferences: validation against the seed's table 6 and the
// per-region limits (tolerance, concurrency) they resolve to.
import { accept, refuse, STACK_SET_ERRORS as E, type Checked } from './errors';
import { FAILURE_TOLERANCE_MODES, REGION_CONCURRENCY_TYPES, type FailureToleranceMode, type OperationPreferences, type RegionConcurrencyType } from './model';
import { msg } from '../messages/message';

export interface Amount {
  kind: 'count' | 'percentage';
  value: number;
}

/** Preferences with the seed's defaults filled in; plain data so it persists as JSON. */
export interface ResolvedPreferences {
  regionConcurrencyType: RegionConcurrencyType;
  /** Only with SEQUENTIAL; null means "random order" (drawn once, at creation). */
  regionOrder: string[] | null;
  failureTolerance: Amount;
  maxConcurrent: Amount;
  failureToleranceMode: FailureToleranceMode;
}

export interface RegionLimits {
  /** Failures the region may have; one more and the region has exceeded its tolerance. */
  tolerance: number;
  /** Instances the region may run at once before STRICT lowers it. */
  concurrency: number;
}

const KNOWN_KEYS = new Set([
  'region_concurrency_type',
  'region_order',
  'failure_tolerance_count',
  'failure_tolerance_percentage',
  'max_concurrent_count',
  'max_concurrent_percentage',
  'failure_tolerance_mode',
]);

const field = (key: string) => `operation_preferences.${key}`;
const range = (key: string, min: number, max: number) => msg('stackset.integerRange', { field: key, min, max });

function integerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Checks everything that does not depend on how many instances a region has.
 * `operationRegions` are this operation's deployment_targets.regions.
 */
export function validatePreferences(raw: unknown, operationRegions: readonly string[]): Checked<ResolvedPreferences> {
  const prefs = (raw ?? {}) as Record<string, unknown>;
  if (typeof prefs !== 'object' || Array.isArray(prefs)) {
    return refuse(E.preferenceUnknown, 'operation_preferences', msg('stackset.prefsNotObject'));
  }
  const unknown = Object.keys(prefs).find((k) => !KNOWN_KEYS.has(k));
  if (unknown !== undefined) return refuse(E.preferenceUnknown, field(unknown), msg('stackset.prefUnknown', { field: field(unknown) }));
  const p = prefs as OperationPreferences;

  const type = p.region_concurrency_type ?? 'SEQUENTIAL';
  if (!(REGION_CONCURRENCY_TYPES as readonly string[]).includes(type)) {
    return refuse(E.concurrencyTypeInvalid, field('region_concurrency_type'), msg('stackset.concurrencyType'));
  }

  let regionOrder: string[] | null = null;
  if (p.region_order !== undefined) {
    // Seed: "只有当用户指定region_concurrency_type为SEQUENTIAL时才会允许指定该参数" and
    // "应该包含且仅包含本次部署的所有region".
    if (type !== 'SEQUENTIAL') {
      return refuse(E.regionOrderNotSequential, field('region_order'), msg('stackset.regionOrderNotSequential'));
    }
    const order = p.region_order;
    if (!Array.isArray(order) || order.some((r) => typeof r !== 'string')) {
      return refuse(E.regionOrderMismatch, field('region_order'), msg('stackset.regionOrderList'));
    }
    const stray = order.find((r) => !operationRegions.includes(r));
    if (stray !== undefined) {
      return refuse(E.regionOrderMismatch, field('region_order'), msg('stackset.regionOrderStray', { region: stray }));
    }
    const missing = operationRegions.find((r) => !order.includes(r));
    if (missing !== undefined) {
      return refuse(E.regionOrderMismatch, field('region_order'), msg('stackset.regionOrderMissing', { region: missing }));
    }
    if (new Set(order).size !== order.length) {
      return refuse(E.regionOrderMismatch, field('region_order'), msg('stackset.regionOrderTwice'));
    }
    regionOrder = [...order];
  }

  if (p.failure_tolerance_count !== undefined && p.failure_tolerance_percentage !== undefined) {
    return refuse(E.toleranceExclusive, field('failure_tolerance_count'), msg('stackset.toleranceExclusive'));
  }
  let failureTolerance: Amount = { kind: 'count', value: 0 };
  if (p.failure_tolerance_count !== undefined) {
    if (!integerIn(p.failure_tolerance_count, 0, 100)) {
      return refuse(E.toleranceOutOfRange, field('failure_tolerance_count'), range('failure_tolerance_count', 0, 100));
    }
    failureTolerance = { kind: 'count', value: p.failure_tolerance_count };
  } else if (p.failure_tolerance_percentage !== undefined) {
    if (!integerIn(p.failure_tolerance_percentage, 0, 100)) {
      return refuse(E.toleranceOutOfRange, field('failure_tolerance_percentage'), range('failure_tolerance_percentage', 0, 100));
    }
    failureTolerance = { kind: 'percentage', value: p.failure_tolerance_percentage };
  }

  if (p.max_concurrent_count !== undefined && p.max_concurrent_percentage !== undefined) {
    return refuse(E.concurrencyExclusive, field('max_concurrent_count'), msg('stackset.concurrencyExclusive'));
  }
  let maxConcurrent: Amount = { kind: 'count', value: 1 };
  if (p.max_concurrent_count !== undefined) {
    if (!integerIn(p.max_concurrent_count, 1, 5)) {
      return refuse(E.concurrencyOutOfRange, field('max_concurrent_count'), range('max_concurrent_count', 1, 5));
    }
    maxConcurrent = { kind: 'count', value: p.max_concurrent_count };
  } else if (p.max_concurrent_percentage !== undefined) {
    if (!integerIn(p.max_concurrent_percentage, 1, 100)) {
      return refuse(E.concurrencyOutOfRange, field('max_concurrent_percentage'), range('max_concurrent_percentage', 1, 100));
    }
    maxConcurrent = { kind: 'percentage', value: p.max_concurrent_percentage };
  }

  const mode = p.failure_tolerance_mode ?? 'STRICT_FAILURE_TOLERANCE';
  if (!(FAILURE_TOLERANCE_MODES as readonly string[]).includes(mode)) {
    return refuse(E.toleranceModeInvalid, field('failure_tolerance_mode'), msg('stackset.toleranceMode'));
  }

  // Both given as counts: the seed's "最大并发账户数最多比容错次数多1" can be
  // checked before any region is known.
  if (maxConcurrent.kind === 'count' && failureTolerance.kind === 'count' && maxConcurrent.value > failureTolerance.value + 1) {
    return refuse(
      E.concurrencyAboveTolerance,
      field('max_concurrent_count'),
      msg('stackset.concurrencyAboveTolerance', { count: String(maxConcurrent.value), limit: String(failureTolerance.value + 1) }),
    );
  }
  return accept({ regionConcurrencyType: type, regionOrder, failureTolerance, maxConcurrent, failureToleranceMode: mode });
}

/**
 * Seed: tolerance from a percentage is "容错百分比*资源栈实例数，并向下取整";
 * concurrency from a percentage is floored too, "如果实际最大并发账户数向下取整值为0时，
 * 则默认选择最大并发账户数为1". Integer arithmetic keeps the floor exact.
 */
export function regionLimits(prefs: ResolvedPreferences, instancesInRegion: number): RegionLimits {
  const ft = prefs.failureTolerance;
  const mc = prefs.maxConcurrent;
  const tolerance = ft.kind === 'count' ? ft.value : Math.floor((ft.value * instancesInRegion) / 100);
  const concurrency = mc.kind === 'count' ? mc.value : Math.max(1, Math.floor((mc.value * instancesInRegion) / 100));
  return { tolerance, concurrency };
}

/**
 * The per-region half of "最大并发账户数最多比容错次数多1": when either side is a
 * percentage it depends on the region's instance count. The seed states the
 * rule in max_concurrent_count/_percentage without naming a mode, so it holds
 * under SOFT too.
 */
export function checkRegionLimits(
  prefs: ResolvedPreferences,
  instancesPerRegion: ReadonlyArray<readonly [region: string, instances: number]>,
): Checked<Array<RegionLimits & { region: string }>> {
  const out: Array<RegionLimits & { region: string }> = [];
  for (const [region, n] of instancesPerRegion) {
    const limits = regionLimits(prefs, n);
    if (limits.concurrency > limits.tolerance + 1) {
      const key = prefs.maxConcurrent.kind === 'count' ? 'max_concurrent_count' : 'max_concurrent_percentage';
      return refuse(
        E.concurrencyAboveTolerance,
        field(key),
        msg('stackset.regionConcurrencyAboveTolerance', { region, n, concurrency: limits.concurrency, limit: limits.tolerance + 1 }),
      );
    }
    out.push({ region, ...limits });
  }
  return accept(out);
}
