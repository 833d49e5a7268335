// The critical path of a Gantt: the chain of resources that set the end time.
// From the span that ended last, step back to the dependency (Heat's
// required_by, within the same stack) that ended last before it started; a
// nested stack on the path brings in its own critical chain. Only each
// resource's latest span counts (the last operation).
import type { HeatResource } from '../../shared/cloud/heat-types';
import type { Span } from './gantt';
import { resourceStack } from './live-topology';

/** Heat's event times have one-second resolution: a start may read up to a second before its dependency's end. */
const CLOCK_SLACK_MS = 1000;

type Res = Pick<HeatResource, 'resource_name' | 'physical_resource_id' | 'required_by' | 'links'>;

export function criticalPath(spans: readonly Span[], resources: readonly Res[], topStackId: string, now: number): Set<string> {
  const latest = new Map<string, Span>();
  for (const s of spans) {
    const k = `${s.stackId}/${s.resource}`;
    const prev = latest.get(k);
    if (!prev || s.start >= prev.start) latest.set(k, s);
  }
  const end = (s: Span) => s.end ?? now;
  /** stackId/resource -> the resources of that stack it depends on. */
  const dependsOn = new Map<string, string[]>();
  const nestedOf = new Map<string, string>();
  for (const r of resources) {
    const stack = resourceStack(r, topStackId);
    for (const child of r.required_by) {
      const k = `${stack}/${child}`;
      dependsOn.set(k, [...(dependsOn.get(k) ?? []), r.resource_name]);
    }
    if (r.physical_resource_id) nestedOf.set(`${stack}/${r.resource_name}`, r.physical_resource_id);
  }
  const onPath = new Set<string>();
  const chainOf = (stackId: string, depth: number) => {
    const inStack = [...latest.values()].filter((s) => s.stackId === stackId);
    // Ties (one-second clock) go to the later event: a chain's last link, not the one before it.
    let at = inStack.reduce<Span | null>((best, s) => (!best || end(s) >= end(best) ? s : best), null);
    while (at && !onPath.has(at.key)) {
      onPath.add(at.key);
      const nested = nestedOf.get(`${stackId}/${at.resource}`);
      if (nested && depth < 4) chainOf(nested, depth + 1);
      const cur: Span = at;
      const deps = (dependsOn.get(`${stackId}/${cur.resource}`) ?? [])
        .map((n) => latest.get(`${stackId}/${n}`))
        .filter((s): s is Span => !!s && end(s) <= cur.start + CLOCK_SLACK_MS);
      at = deps.reduce<Span | null>((best, s) => (!best || end(s) > end(best) ? s : best), null);
    }
  };
  chainOf(topStackId, 0);
  return onPath;
}
