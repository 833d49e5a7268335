// Driving the editor's canvas from playwright, as a user does: drag palette
// (or Existing tab) entries onto nodes or empty space, connect two nodes by
// dragging in connect mode. Node positions come from the canvas' test hook
// (`window.__hsCanvas`, set by renderer/components/canvas/TopologyCanvas.vue), the YAML
// from the editor's (`window.__hsYaml`).
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

interface CanvasHook {
  at(id: string): { x: number; y: number } | null;
  ids(): string[];
  data(id: string): Record<string, unknown> | null;
  style(id: string, property: string): string | null;
}
type WithHooks = { __hsCanvas?: CanvasHook; __hsYaml?: { text(): string } };

/** A node's page coordinates, once it is on the canvas. */
export async function nodeAt(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.waitForFunction((nid) => !!(window as unknown as WithHooks).__hsCanvas?.at(nid), id);
  return page.evaluate((nid) => (window as unknown as Required<WithHooks>).__hsCanvas.at(nid)!, id);
}

/** Every node id on the canvas, sorted. */
export function canvasIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Required<WithHooks>).__hsCanvas.ids().sort());
}

export function nodeData(page: Page, id: string): Promise<Record<string, unknown> | null> {
  return page.evaluate((nid) => (window as unknown as Required<WithHooks>).__hsCanvas.data(nid), id);
}

export function nodeStyle(page: Page, id: string, property: string): Promise<string | null> {
  return page.evaluate(([nid, p]) => (window as unknown as Required<WithHooks>).__hsCanvas.style(nid as string, p as string), [id, property]);
}

/** Replaces the YAML view's text the way a person pastes over a selection. */
export async function pasteYaml(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.querySelector('.cm-content')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await expect.poll(() => yamlText(page)).toBe(text);
}

/** The editor's YAML text as it is now. */
export function yamlText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as WithHooks).__hsYaml?.text() ?? '');
}

/** Drags an element (by test id) onto a canvas node, or onto empty space at (dx, dy) from the canvas corner. */
export async function dragOnto(page: Page, testId: string, target: string | { dx: number; dy: number }): Promise<void> {
  const host = page.getByTestId('cy-host');
  const box = await host.boundingBox();
  if (!box) throw new Error('no canvas');
  const at = typeof target === 'string' ? await nodeAt(page, target) : { x: box.x + target.dx, y: box.y + target.dy };
  await page.getByTestId(testId).dragTo(host, { targetPosition: { x: at.x - box.x, y: at.y - box.y } });
}

/** Connect mode on, a mouse drag from one node to the other, connect mode off. */
export async function connectByDrag(page: Page, fromId: string, toId: string): Promise<void> {
  await page.getByTestId('connect-mode').click();
  const from = await nodeAt(page, fromId);
  const to = await nodeAt(page, toId);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId('connect-mode').click();
}

/** A node's page coordinates once the canvas stopped moving (fit and centring animate). */
export async function steadyNodeAt(page: Page, id: string): Promise<{ x: number; y: number }> {
  let last = await nodeAt(page, id);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(50);
    const now = await nodeAt(page, id);
    if (now.x === last.x && now.y === last.y) return now;
    last = now;
  }
  return last;
}

/** "New template" → blank, named `name`; resolves once the editor has opened on it. */
export async function newBlankTemplate(page: Page, name: string): Promise<void> {
  await page.getByTestId('new-template').click();
  await page.getByTestId('create-name').fill(name);
  await page.getByTestId('create-submit').click();
  await page.getByTestId('editor').waitFor();
}
