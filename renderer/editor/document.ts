// The editor's document state as plain functions (no Vue): parse a text,
// keep the last good parse when it fails, derive topology, diagnostics,
// warnings and per-node badges. The store wraps this; tests call it directly.
import { parseTemplate, resources } from '../../shared/hot/template';
import type { HotTemplate } from '../../shared/hot/template';
import { validateTemplate } from '../../shared/hot/validate';
import type { Diagnostic } from '../../shared/hot/diagnostics';
import { buildTopology } from '../../shared/topology/model';
import type { Topology } from '../../shared/topology/model';
import { topologyWarnings } from '../../shared/topology/warnings';
import type { TopologyWarning } from '../../shared/topology/warnings';
import { LIMITS } from '../../shared/library/model';
import type { Badges } from '../canvas/elements';

/** Heat's max_template_size (bytes): larger text is refused, not parsed. */
export const MAX_TEMPLATE_BYTES = LIMITS.templateBytesMax;

export interface DocState {
  text: string;
  /** The last text that parsed: the canvas keeps showing it while the YAML is broken. */
  good: HotTemplate;
  topology: Topology;
  diagnostics: Diagnostic[];
  /** Set while `text` does not parse (the canvas shows `good`). */
  parseError: Diagnostic | null;
  warnings: TopologyWarning[];
  badges: Badges;
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Errors and warnings per node, by which resource's lines a diagnostic falls in. */
export function badgesOf(t: HotTemplate, diagnostics: readonly Diagnostic[], warnings: readonly TopologyWarning[]): Badges {
  const errors = new Map<string, number>();
  const warns = new Map<string, number>();
  const spans = resources(t)
    .map((r) => ({ name: r.name, from: t.lines.position(r.pair.key.start).line, to: t.lines.position(Math.max(r.pair.key.start, r.definition.end)).line }))
    .sort((a, b) => a.from - b.from);
  for (const d of diagnostics) {
    if (d.severity === 'info' || d.line === 0) continue;
    let lo = 0;
    let hi = spans.length - 1;
    let hit: (typeof spans)[number] | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid] as (typeof spans)[number];
      if (d.line < s.from) hi = mid - 1;
      else if (d.line > s.to) lo = mid + 1;
      else {
        hit = s;
        break;
      }
    }
    if (!hit) continue;
    const m = d.severity === 'error' ? errors : warns;
    m.set(hit.name, (m.get(hit.name) ?? 0) + 1);
  }
  for (const w of warnings) for (const r of w.resources) warns.set(r, (warns.get(r) ?? 0) + 1);
  return { errors, warnings: warns };
}

function derive(text: string, t: HotTemplate): DocState {
  const diagnostics = validateTemplate(t);
  const warnings = topologyWarnings(t);
  return { text, good: t, topology: buildTopology(t), diagnostics, parseError: null, warnings, badges: badgesOf(t, diagnostics, warnings) };
}

export function openDoc(text: string, file = 'template.yaml'): DocState {
  const t = parseTemplate(text, file);
  const doc = derive(text, t);
  const err = t.loadDiagnostics.find((d) => d.severity === 'error');
  return err ? { ...doc, parseError: err } : doc;
}

/** A new text: re-derive when it parses, else keep the last good canvas and mark the error. */
export function updateDoc(prev: DocState, text: string): DocState {
  const t = parseTemplate(text, prev.good.file);
  const err = t.loadDiagnostics.find((d) => d.severity === 'error');
  if (err && prev.good.root) return { ...prev, text, parseError: err, diagnostics: t.loadDiagnostics };
  const doc = derive(text, t);
  return err ? { ...doc, parseError: err } : doc;
}

/** A canvas action produced a new template: its text is the document. */
export function docFromTemplate(t: HotTemplate): DocState {
  return derive(t.text, t);
}
