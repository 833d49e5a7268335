// The resource graph the canvas and the live topology draw: one node per
// resource, one edge per get_resource / get_attr / depends_on labelled with
// the property path it comes from, plus nested-template containment.
// CloudFormation-format templates (Resources/Type/Properties/DependsOn, Ref
// and Fn::GetAtt) give the same graph, so they draw on the canvas too.
import type { HNode, PathSegment } from './node';
import { entries, formatPath, functionCall, get, isMap, isScalar, isSeq, isString, keyText } from './node';
import { resources, sectionMap } from './template';
import type { HotTemplate, ResourceEntry } from './template';

export interface GraphNode {
  id: string;
  type: string;
  file: string;
  line: number;
  column: number;
  /** Nested template file this resource instantiates, if any. */
  nested?: string;
}

export type EdgeKind = 'get_resource' | 'get_attr' | 'depends_on';

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Where the reference sits in the source resource, e.g. networks[0].network. */
  path: string;
}

export interface ResourceGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The section and key names of a format: HOT's lower-case ones or CloudFormation's capitalised ones. */
interface Keys {
  type: string;
  getResource: string;
  getAttr: string;
  dependsOn: string;
  properties: string;
  metadata: string;
}
const HOT_KEYS: Keys = {
  type: 'type',
  getResource: 'get_resource',
  getAttr: 'get_attr',
  dependsOn: 'depends_on',
  properties: 'properties',
  metadata: 'metadata',
};
const CFN_KEYS: Keys = { type: 'Type', getResource: 'Ref', getAttr: 'Fn::GetAtt', dependsOn: 'DependsOn', properties: 'Properties', metadata: 'Metadata' };

/** CloudFormation's Resources section, read like HOT's (template.ts only knows HOT's). */
function cfnResources(t: HotTemplate): ResourceEntry[] {
  const map = sectionMap(t, 'Resources');
  if (!map) return [];
  return entries(map).map((pair) => {
    const entry: ResourceEntry = { name: keyText(pair.key), pair, definition: pair.value };
    const typeNode = get(pair.value, 'Type');
    if (isString(typeNode)) {
      entry.type = typeNode.value;
      entry.typeNode = typeNode;
    }
    return entry;
  });
}

/** The resources of a template in either format. */
export function graphResources(t: HotTemplate): ResourceEntry[] {
  return t.kind === 'cfn' ? cfnResources(t) : resources(t);
}

export function buildGraph(t: HotTemplate, nestedOf?: (resource: string, type: string) => string | undefined): ResourceGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const keys = t.kind === 'cfn' ? CFN_KEYS : HOT_KEYS;
  const list = graphResources(t);
  const known = new Set(list.map((r) => r.name));
  for (const r of list) {
    const pos = t.lines.position(r.pair.key.start);
    const node: GraphNode = { id: r.name, type: r.type ?? '', file: t.file, line: pos.line, column: pos.column };
    const nested = r.type ? nestedOf?.(r.name, r.type) : undefined;
    if (nested) node.nested = nested;
    nodes.push(node);
    const deps = get(r.definition, keys.dependsOn);
    const depItems = isSeq(deps) ? deps.items : deps ? [deps] : [];
    depItems.forEach((d, i) => {
      if (isScalar(d) && known.has(String(d.value)))
        edges.push({ from: r.name, to: String(d.value), kind: 'depends_on', path: isSeq(deps) ? `${keys.dependsOn}[${i}]` : keys.dependsOn });
    });
    for (const key of [keys.properties, keys.metadata]) {
      const v = get(r.definition, key);
      if (v) collect(v, key === keys.properties ? [] : [keys.metadata], r.name, known, edges, keys, 0);
    }
  }
  return { nodes, edges };
}

function collect(n: HNode, path: PathSegment[], from: string, known: Set<string>, edges: GraphEdge[], keys: Keys, depth: number): void {
  if (depth > 200) return;
  if (isSeq(n)) {
    n.items.forEach((item, i) => collect(item, [...path, i], from, known, edges, keys, depth + 1));
    return;
  }
  if (!isMap(n)) return;
  const call = functionCall(n);
  // CFN's Ref and Fn::GetAtt are HOT's get_resource and get_attr (a Ref to a parameter is no edge).
  if (call?.name === keys.getResource && isString(call.args) && known.has(call.args.value)) {
    edges.push({ from, to: call.args.value, kind: 'get_resource', path: formatPath(path) });
    return;
  }
  if (call?.name === keys.getAttr && isSeq(call.args)) {
    const target = call.args.items[0];
    if (isString(target) && known.has(target.value)) edges.push({ from, to: target.value, kind: 'get_attr', path: formatPath(path) });
    call.args.items.slice(1).forEach((a) => collect(a, path, from, known, edges, keys, depth + 1));
    return;
  }
  // Other functions (str_replace, if, ...) are transparent in the label path.
  const isFn = !!call && /^(get_|list_|str_|map_|repeat|if|yaql|digest|filter|make_url|contains|Fn::|Ref$)/.test(call.name);
  for (const p of entries(n)) collect(p.value, isFn ? path : [...path, keyText(p.key)], from, known, edges, keys, depth + 1);
}

/** Graphviz text for `heat-studio graph --dot`. */
export function graphToDot(g: ResourceGraph): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = ['digraph heat {', '  rankdir=LR;', '  node [shape=box];'];
  for (const n of g.nodes) lines.push(`  ${q(n.id)} [label=${q(`${n.id}\n${n.type}`)}];`);
  for (const e of g.edges)
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.kind === 'depends_on' ? 'depends_on' : e.path)}${e.kind === 'depends_on' ? ', style=dashed' : ''}];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}
