// axe-core (the npm package) injected into the page under test (issue 19):
// one scan of the whole document, its violations printed so a run shows what
// to fix, and the serious or critical ones returned for the test to fail on.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BLOCKING = new Set(['serious', 'critical']);

export interface ScanResult {
  screen: string;
  violations: AxeViolation[];
  blocking: string[];
}

export async function scanPage(page: Page, screen: string): Promise<ScanResult> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  // Transitions and the dialog's open animation settle before colours are measured.
  await page.waitForTimeout(250);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  const lines = violations.map(
    (v) =>
      `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  console.log(`axe ${screen}: ${violations.length ? `${violations.length} violation(s)\n${lines.join('\n')}` : 'no violations'}`);
  const blocking = violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => `${screen}: [${v.impact}] ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  return { screen, violations, blocking };
}
