// A resource's attributes and properties as table rows: nested maps and lists
// are flattened into dotted paths (networks.private[0]) so each value is one
// readable, copyable line instead of a JSON dump.

export interface DetailRow {
  /** Where the value sits, e.g. `networks.private[0]`. */
  path: string;
  /** The value as text: strings as they are, everything else as JSON. */
  text: string;
}

/** Heat's `show` attribute repeats the whole resource; the table lists the rest. */
const SKIPPED = new Set(['show']);
/** Deeper structures are shown as one JSON value: a table of 6-level paths reads worse than the JSON. */
const MAX_DEPTH = 4;

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function scalarText(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}

function walk(value: unknown, path: string, depth: number, out: DetailRow[]): void {
  const children = isMap(value)
    ? Object.entries(value).map(([k, v]) => [`${path ? `${path}.` : ''}${k}`, v] as const)
    : Array.isArray(value)
      ? value.map((v, i) => [`${path}[${i}]`, v] as const)
      : null;
  if (!children || children.length === 0 || depth >= MAX_DEPTH) {
    out.push({ path, text: scalarText(value) });
    return;
  }
  for (const [p, v] of children) walk(v, p, depth + 1, out);
}

/** Rows of one map (a resource's attributes, or its properties), in the map's key order. */
export function detailRows(map: Record<string, unknown> | null | undefined): DetailRow[] {
  const out: DetailRow[] = [];
  for (const [k, v] of Object.entries(map ?? {})) if (!SKIPPED.has(k)) walk(v, k, 1, out);
  return out;
}

/** What the topology inspector shows of one resource. */
export interface ResourceDetail {
  attributes: Record<string, unknown>;
  /** As the stack's template writes them (intrinsics such as get_param unresolved). */
  properties: Record<string, unknown>;
}

/** One resource's properties in a template Heat returned (HOT `resources`/`properties`, CFN `Resources`/`Properties`). */
export function templateProperties(template: Record<string, unknown> | null, name: string): Record<string, unknown> {
  const resources = template?.resources ?? template?.Resources;
  const r = isMap(resources) ? resources[name] : undefined;
  const props = isMap(r) ? (r.properties ?? r.Properties) : undefined;
  return isMap(props) ? props : {};
}
