// Every corpus template opened on a headless Cytoscape canvas: nothing throws
// and each resource of the template is a node.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cytoscape from 'cytoscape';
import { parseTemplate, resources } from '../../../../shared/hot/template';
import { buildTopology } from '../../../../shared/topology/model';
import { toElements } from '../../../../renderer/canvas/elements';
import { layeredLayout } from '../../../../renderer/canvas/layout';
import { canvasStyle } from '../../../../renderer/canvas/style';
import { openDoc } from '../../../../renderer/editor/document';

const CORPUS = resolve(process.cwd(), '../shared/corpus');
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as { path: string; kind: string }[];
const templates = manifest.filter((m) => m.kind === 'template' || m.kind === 'cfn');

describe('the corpus on the canvas', () => {
  it('finds the corpus templates', () => {
    expect(templates.filter((m) => m.kind === 'template').length).toBeGreaterThan(300);
  });

  it('opens every HOT and CFN template of the corpus with all its resources as nodes', () => {
    const missing: string[] = [];
    let nodes = 0;
    for (const m of templates) {
      const text = readFileSync(join(CORPUS, m.path), 'utf8');
      const doc = openDoc(text, m.path);
      const topo = buildTopology(doc.good);
      const positions = layeredLayout(topo.nodes.map((n) => ({ id: n.id })), topo.edges);
      const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStyle(), elements: toElements(topo, positions, doc.badges) });
      const names = resources(parseTemplate(text, m.path)).map((r) => r.name);
      for (const n of names) if (cy.getElementById(n).empty()) missing.push(`${m.path}: ${n}`);
      nodes += cy.nodes().length;
      cy.destroy();
    }
    expect(missing).toEqual([]);
    // 906 nodes over the 359 HOT templates when written; CFN templates (Resources, capitalised) have none yet.
    expect(nodes).toBeGreaterThan(800);
  }, 60_000);
});
