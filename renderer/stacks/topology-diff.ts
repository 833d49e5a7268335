// Applies a new live topology to a Cytoscape graph by difference: elements that
// left are removed, new ones added, the others get their changed data and
// position in place. A stack streaming events into a 1,000-member group
// changes shape again and again (members appear, a nested stack is expanded);
// removing and re-adding every element each time made Cytoscape rebuild all
// its caches and textures for 2,000 elements instead of the few that changed.
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';

export interface DiffCounts {
  added: number;
  removed: number;
  updated: number;
}

/** Node data keys the graph's style reads; id and parent are structure, not data to update. */
const DATA_KEYS = ['label', 'tone', 'kind', 'color', 'icon', 'size', 'nested'] as const;

export function applyTopologyDiff(cy: Core, next: readonly ElementDefinition[]): DiffCounts {
  const counts: DiffCounts = { added: 0, removed: 0, updated: 0 };
  cy.batch(() => {
    const wanted = new Map(next.map((d) => [String(d.data.id), d]));
    // A node whose parent changed is re-added: Cytoscape moves compounds' children only by remove/add or move().
    const gone = cy.elements().filter((el) => {
      const d = wanted.get(el.id());
      return !d || (el.isNode() && ((el.data('parent') as string | undefined) ?? null) !== ((d.data.parent as string | undefined) ?? null));
    });
    counts.removed = gone.length;
    gone.remove();
    const add: ElementDefinition[] = [];
    for (const d of next) {
      const el = cy.getElementById(String(d.data.id));
      if (el.empty()) {
        add.push(d);
        continue;
      }
      if (!el.isNode()) continue; // an edge is its id (source->target): nothing else to update
      if (updateNode(el, d)) counts.updated++;
    }
    cy.add(add);
    counts.added = add.length;
  });
  return counts;
}

function updateNode(el: NodeSingular, d: ElementDefinition): boolean {
  let changed = false;
  const data: Record<string, unknown> = {};
  for (const k of DATA_KEYS)
    if (el.data(k) !== d.data[k]) {
      data[k] = d.data[k];
      changed = true;
    }
  if (changed) el.data(data);
  // A compound's position is its children's box (setting it would move them): only leaves are placed.
  const p = d.position;
  if (p && !el.isParent() && (el.position('x') !== p.x || el.position('y') !== p.y)) {
    el.position({ x: p.x, y: p.y });
    changed = true;
  }
  return changed;
}
