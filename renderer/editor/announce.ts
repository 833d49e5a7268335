// What the canvas's live region says when the selection changes (issue 19):
// a screen reader cannot see the drawing, so it hears the selected resource,
// its type and what it is connected to, in both directions.
import type { Topology } from '../../shared/topology/model';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Names of the nodes joined to `id` by an edge, each once, in edge order. */
export function neighbourNames(topology: Topology, id: string): string[] {
  const names: string[] = [];
  for (const e of topology.edges) {
    const other = e.source === id ? e.target : e.target === id ? e.source : null;
    const name = other ? (topology.byId.get(other)?.name ?? other) : null;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

export function describeSelection(topology: Topology, selection: readonly string[], t: Translate): string {
  const nodes = selection.map((id) => topology.byId.get(id)).filter((n) => n !== undefined);
  if (!nodes.length) return t('editor.announce.none');
  if (nodes.length > 1) return t('editor.announce.many', { n: nodes.length, names: nodes.map((n) => n.name).join(', ') });
  const node = nodes[0]!;
  const links = neighbourNames(topology, node.id);
  const linkText = links.length ? t('editor.announce.links', { names: links.join(', ') }) : t('editor.announce.noLinks');
  return `${t('editor.announce.one', { name: node.name, type: node.type })} ${linkText}`;
}
