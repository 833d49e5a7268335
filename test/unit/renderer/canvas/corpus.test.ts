// Every corpus template opened on a headless Cytoscape canvas: nothing throws
// and each resource of the template is a node.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cytoscape from 'cytoscape';
import { parseTemplate, resources, sectionMap } from '../../../../shared/hot/template';
import type { HotTemplate } from '../../../../shared/hot/template';
import { entries, keyText } from '../../../../shared/hot/node';
import { buildTopology } from '../../../../shared/topology/model';
import { toElements } from '../../../../renderer/canvas/elements';
import { layeredLayout } from '../../../../renderer/canvas/layout';
import { canvasStyle } from '../../../../renderer/canvas/style';
import { openDoc } from '../../../../renderer/editor/document';

const CORPUS = resolve(process.cwd(), '../shared/corpus');
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as { path: string; kind: string }[];
const templates = manifest.filter((m) => m.kind === 'template' || m.kind === 'cfn');

/** Resource names read straight from the section, independently of the graph under test. */
function resourceNames(t: HotTemplate): string[] {
  if (t.kind !== 'cfn') return resources(t).map((r) => r.name);
  const map = sectionMap(t, 'Resources');
  return map ? entries(map).map((p) => keyText(p.key)) : [];
}

describe('the corpus on the canvas', () => {
  it('finds the corpus templates', () => {
    expect(templates.filter((m) => m.kind === 'template').length).toBeGreaterThan(300);
    expect(templates.filter((m) => m.kind === 'cfn').length).toBe(43);
  });

  it.each(['template', 'cfn'])(
    'opens every %s of the corpus with all its resources as nodes',
    (kind) => {
      const missing: string[] = [];
      let nodes = 0;
      let names = 0;
      let edges = 0;
      for (const m of templates.filter((x) => x.kind === kind)) {
        const text = readFileSync(join(CORPUS, m.path), 'utf8');
        const doc = openDoc(text, m.path);
        const topo = buildTopology(doc.good);
        const positions = layeredLayout(
          topo.nodes.map((n) => ({ id: n.id })),
          topo.edges,
        );
        const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStyle(), elements: toElements(topo, positions, doc.badges) });
        const expected = resourceNames(parseTemplate(text, m.path));
        names += expected.length;
        for (const n of expected) if (cy.getElementById(n).empty()) missing.push(`${m.path}: ${n}`);
        nodes += cy.nodes().length;
        edges += cy.edges().length;
        cy.destroy();
      }
      expect(missing).toEqual([]);
      // When written: 856 resources as 906 nodes (network parameters too) over the 359 HOT
      // templates; 182 resources as 182 nodes and 197 edges over the 43 CFN templates.
      expect(names).toBeGreaterThan(kind === 'template' ? 800 : 170);
      expect(nodes).toBeGreaterThanOrEqual(names);
      if (kind === 'cfn') expect(edges).toBeGreaterThan(180);
    },
    60_000,
  );
});
