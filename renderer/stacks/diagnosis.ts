// "Why it failed": from a failed stack (or failed delete), the most recent
// failed resource, descending into nested stacks while the failure comes
// from inside one, with Heat's reason, and the template line that defines it.
import { eventStackId, type HeatEvent, type HeatResource } from '../../shared/cloud/heat-types';
import { parseTemplate, resources as templateResources } from '../../shared/hot/template';

export interface FailureStep {
  resource: string;
  stackId: string;
  status: string;
  reason: string | null;
  time: string;
  type: string | null;
}

export interface TemplateLocation {
  file: string;
  resource: string;
  line: number;
  column: number;
}

export interface Diagnosis {
  /** From the top stack's resource down to the innermost failed one. */
  chain: FailureStep[];
  culprit: FailureStep;
  location: TemplateLocation | null;
}

const failed = (s: string) => s.endsWith('_FAILED');

/**
 * `events` from every depth (nested_depth), oldest or newest first;
 * `resources` likewise (for types and nested stack ids). Null when no resource failed.
 */
export function diagnose(topStackId: string, events: readonly HeatEvent[], resources: readonly HeatResource[]): FailureStep[] | null {
  const byStack = new Map<string, HeatEvent[]>();
  for (const e of events) {
    const sid = eventStackId(e) ?? topStackId;
    // A stack's own event (its name as resource, its id as physical id) is not a resource failure.
    if (e.physical_resource_id === sid) continue;
    const list = byStack.get(sid) ?? [];
    list.push(e);
    byStack.set(sid, list);
  }
  const typeOf = (stackId: string, name: string) =>
    resources.find((r) => r.resource_name === name && (r.links.find((l) => l.rel === 'stack')?.href.endsWith(`/${stackId}`) ?? stackId === topStackId))
      ?.resource_type ?? null;

  const chain: FailureStep[] = [];
  const visited = new Set<string>();
  let stackId: string | null = topStackId;
  while (stackId && !visited.has(stackId)) {
    visited.add(stackId);
    const latest = latestFailure(byStack.get(stackId) ?? []);
    if (!latest) break;
    chain.push({
      resource: latest.resource_name,
      stackId,
      status: latest.resource_status,
      reason: latest.resource_status_reason,
      time: latest.event_time,
      type: typeOf(stackId, latest.resource_name),
    });
    // A nested stack resource's physical id is the nested stack's id: go in if it has failures of its own.
    const inner = latest.physical_resource_id;
    stackId = inner && byStack.has(inner) ? inner : null;
  }
  return chain.length ? chain : null;
}

/** The failure that is still current: the latest event of each resource, the most recent of those that failed. */
function latestFailure(events: readonly HeatEvent[]): HeatEvent | null {
  const last = new Map<string, HeatEvent>();
  for (const e of events) {
    const prev = last.get(e.resource_name);
    if (!prev || e.event_time >= prev.event_time) last.set(e.resource_name, e);
  }
  let best: HeatEvent | null = null;
  for (const e of last.values()) if (failed(e.resource_status) && (!best || e.event_time >= best.event_time)) best = e;
  return best;
}

/**
 * Where the failure is defined: the innermost step whose resource one of the
 * templates defines (a ResourceGroup member "3" is defined by its group in
 * the parent template). `templates` maps file names to YAML, entry first.
 */
export function locate(chain: readonly FailureStep[], templates: ReadonlyArray<{ file: string; yaml: string }>): TemplateLocation | null {
  const parsed = templates.map((t) => ({ file: t.file, t: parseTemplate(t.yaml, t.file) }));
  for (const step of [...chain].reverse()) {
    for (const { file, t } of parsed) {
      const entry = templateResources(t).find((r) => r.name === step.resource);
      if (entry) {
        const pos = t.lines.position(entry.pair.key.start);
        return { file, resource: step.resource, line: pos.line, column: pos.column };
      }
    }
  }
  return null;
}

export function diagnosis(
  topStackId: string,
  events: readonly HeatEvent[],
  resources: readonly HeatResource[],
  templates: ReadonlyArray<{ file: string; yaml: string }>,
): Diagnosis | null {
  const chain = diagnose(topStackId, events, resources);
  if (!chain) return null;
  return { chain, culprit: chain[chain.length - 1]!, location: locate(chain, templates) };
}
