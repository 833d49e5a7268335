// The editor in Debian's Chromium against `npm run web`: time from "Edit" on
// a generated 1,000-, 5,000- and 10,000-resource template to the first frame
// that shows the whole graph, in the seed-style view (ports folded into
// edges, the default) and in the full view, against a bare YAML parse +
// Cytoscape render of the same graph in the same page and run; then frames
// per second while panning and zooming each canvas, once the open's own work
// is over (no long task for a second; how long that took is printed). Targets (issue 18): first
// frame within 2x of the bare floor; at least 50 fps at 5,000. Needs the
// renderer built (`vite build`); never fails on speed. BENCH_SIZES=1000,5000
// picks the sizes.
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';
import { startWebHost } from '../e2e/support/web-host';

/** Bytes a filler resource line takes, at most (`  x12345: {type: OS::Heat::None}`). */
const FILLER_BYTES = 34;
const BUDGET = 500 * 1024;

/**
 * n resources under Heat's 512 KiB: networks with ports and servers on them
 * while the budget allows (all of them at 1,000 and 5,000), then
 * OS::Heat::None fillers, since 10,000 servers and ports do not fit in 512 KiB.
 */
function generated(n: number): { yaml: string; ports: number } {
  let s = 'heat_template_version: 2021-04-16\nparameters:\n  image: {type: string, default: cirros}\nresources:\n';
  const nets = Math.max(1, Math.round(Math.min(n, 5000) / 50));
  let ports = 0;
  for (let i = 0; i < nets; i++) s += `  n${i}: {type: OS::Neutron::Net}\n`;
  let pattern = true;
  for (let i = nets; i < n; i++) {
    // A port only with room left for its server: a lone port would not fold.
    if (pattern && i % 2 === 0 && s.length + 250 + (n - i) * FILLER_BYTES > BUDGET) pattern = false;
    if (!pattern) s += `  x${i}: {type: OS::Heat::None}\n`;
    else if (i % 2 === 0) {
      s += `  p${i}: {type: OS::Neutron::Port, properties: {network: {get_resource: n${i % nets}}}}\n`;
      ports++;
    } else s += `  s${i}: {type: OS::Nova::Server, properties: {image: {get_param: image}, flavor: m1, networks: [{port: {get_resource: p${i - 1}}}]}}\n`;
  }
  return { yaml: s, ports };
}

/** The baseline, bundled into the page: `yaml` parse, references as edges, Cytoscape with preset positions. */
const BASELINE = `
import { parse } from 'yaml';
import cytoscape from 'cytoscape';
window.__baseline = async (text, host) => {
  const t0 = performance.now();
  const doc = parse(text);
  const els = [];
  const names = Object.keys(doc.resources);
  names.forEach((id, i) => els.push({ group: 'nodes', data: { id }, position: { x: (i % 40) * 130, y: Math.floor(i / 40) * 110 } }));
  const walk = (from, v) => {
    if (v && typeof v === 'object') {
      if (typeof v.get_resource === 'string') els.push({ group: 'edges', data: { id: from + '>' + v.get_resource + els.length, source: from, target: v.get_resource } });
      else for (const k of Object.keys(v)) walk(from, v[k]);
    }
  };
  for (const id of names) walk(id, doc.resources[id].properties);
  const cy = cytoscape({ container: host, elements: els, layout: { name: 'preset' }, style: [{ selector: 'node', style: { label: 'data(id)', 'min-zoomed-font-size': 14 } }, { selector: 'edge', style: { 'curve-style': 'haystack' } }] });
  cy.fit();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const ms = performance.now() - t0;
  cy.destroy();
  return ms;
};
`;

async function main(): Promise<void> {
  if (!existsSync('dist/renderer/index.html')) {
    console.error('editor bench: build the renderer first (vite build)');
    process.exit(2);
  }
  const sizes = (process.env.BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number);
  const bundle = await build({
    stdin: { contents: BASELINE, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
  });
  const baselineJs = bundle.outputFiles[0]?.text ?? '';
  const host = await startWebHost(mkdtempSync(join(tmpdir(), 'hs-bench-editor-')));
  const browser = await launchChromium();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    // tsx names inner arrow functions with a __name helper the page does not have.
    await context.addInitScript('window.__name = (f) => f;');
    const page = await context.newPage();
    await page.goto(host.url);
    for (const n of sizes) {
      const { yaml, ports } = generated(n);
      const created = await page.evaluate(
        async (body) => {
          const r = await fetch('api/invoke/library.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          return (await r.json()) as { ok: boolean; value?: { id: string }; error?: { message: string } };
        },
        { name: `bench ${n}`, description: '', tags: [], from: { kind: 'yaml', yaml } },
      );
      if (!created.ok || !created.value) throw new Error(`create failed: ${created.error?.message}`);
      const runs = n > 5000 ? 1 : 3;
      const bareRuns: number[] = [];
      for (let run = 0; run < runs; run++) {
        await page.goto(host.url);
        await page.addScriptTag({ content: baselineJs });
        bareRuns.push(await bare(page, yaml));
      }
      const floor = median(bareRuns);
      console.log(`${n} resources (${(yaml.length / 1024).toFixed(0)} KiB, ${ports} ports): bare yaml parse + Cytoscape render ${floor.toFixed(0)} ms`);
      for (const view of ['seed', 'full'] as const) {
        // Folded ports are edges in the seed view: fewer nodes to wait for.
        const count = view === 'seed' ? n - ports : n;
        const editorRuns: number[] = [];
        for (let run = 0; run < runs; run++) {
          await page.goto(host.url);
          await page.evaluate((v) => localStorage.setItem('hs.editor.canvasView', v), view);
          await page.getByTestId(`template-bench ${n}`).click();
          await page.getByTestId('edit').waitFor();
          editorRuns.push(await openEditor(page, count));
        }
        const first = median(editorRuns);
        // Pan/zoom only once the open has finished its work (checks, Cytoscape's texture caches): otherwise the
        // figure is the open's background work, not panning (measured: 31.9 fps on the first pan after a 5,000 open, 52.5 on the next).
        const settle = await settled(page);
        const fps = await panAndZoom(page);
        console.log(
          `  ${view.padEnd(4)} view (${count} nodes): Edit -> first frame ${first.toFixed(0)} ms, ratio ${(first / floor).toFixed(2)}x (target <= 2x); quiet ${settle.toFixed(0)} ms after; pan/zoom ${fps.fps.toFixed(1)} fps, p95 frame ${fps.p95.toFixed(1)} ms (target >= 50 fps at 5,000)`,
        );
      }
    }
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** The bare floor in the same page: parse + Cytoscape render on a full-page div. */
function bare(page: Page, yaml: string): Promise<number> {
  return page.evaluate(async (text) => {
    const div = document.createElement('div');
    div.style.cssText = 'position:fixed;inset:0;z-index:9999;background:#fff';
    document.body.appendChild(div);
    const ms = await (window as unknown as { __baseline(t: string, h: HTMLElement): Promise<number> }).__baseline(text, div);
    div.remove();
    return ms;
  }, yaml);
}

/** "Edit" pressed, until a frame after the canvas holds `count` nodes. */
function openEditor(page: Page, count: number): Promise<number> {
  return page.evaluate(async (c) => {
    const t0 = performance.now();
    (document.querySelector('[data-testid=edit]') as HTMLButtonElement).click();
    await new Promise<void>((res) => {
      const tick = () => {
        const hook = (window as unknown as { __hsCanvas?: { ids(): string[] } }).__hsCanvas;
        if (hook && hook.ids().length >= c) requestAnimationFrame(() => res());
        else requestAnimationFrame(tick);
      };
      tick();
    });
    return performance.now() - t0;
  }, count);
}

/** Milliseconds until the page has run no long task (> 50 ms) for a whole second (at most 60 s): the open's work done. */
function settled(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    let lastLong = t0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) lastLong = Math.max(lastLong, e.startTime + e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    while (performance.now() - lastLong < 1000 && performance.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return lastLong - t0;
  });
}

/** Pan and zoom the open canvas with real mouse input; frames counted by requestAnimationFrame. */
async function panAndZoom(page: Page): Promise<{ fps: number; p95: number }> {
  const box = await page.getByTestId('cy-host').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__frames = [];
    w.__counting = true;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let round = 0; round < 2; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 30; i++) await page.mouse.move(cx + Math.sin(i / 6) * 200, cy + Math.cos(i / 6) * 120);
    await page.mouse.up();
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, round % 2 ? 120 : -120);
  }
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__counting = false;
    return w.__frames;
  });
  const seconds = ((frames[frames.length - 1] as number) - (frames[0] as number)) / 1000;
  const gaps = frames
    .slice(1)
    .map((t, i) => t - (frames[i] as number))
    .sort((a, b) => a - b);
  return { fps: frames.length / seconds, p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0 };
}

await main();
