// Walks a page with the Tab key as a keyboard user does (issue 19) and
// records every stop: what it is, where it is drawn and whether it shows a
// focus ring. The YAML editor keeps Tab for indenting; Esc then Tab leaves
// it, as CodeMirror documents, and the walk does the same.
import type { Page } from 'playwright-core';

export interface TabStop {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** A visible outline or box-shadow on the element (or the editor around it). */
  ring: boolean;
  inDialog: boolean;
}

async function currentStop(page: Page): Promise<TabStop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const drawn = (el.closest('.cm-editor') as HTMLElement | null) ?? el;
    const shows = (node: HTMLElement) => {
      const s = getComputedStyle(node);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    // Where it is laid out, not where it is now: a list scrolled to show the focused entry moves the entries before it up.
    const r = el.getBoundingClientRect();
    let scrolledX = 0;
    let scrolledY = 0;
    for (let p = el.parentElement; p; p = p.parentElement) {
      scrolledX += p.scrollLeft;
      scrolledY += p.scrollTop;
    }
    const label = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.id ?? '';
    const text = (el.innerText ?? '').trim().slice(0, 30);
    return {
      name: `${el.tagName.toLowerCase()}${label ? `[${label}]` : ''}${text ? ` "${text}"` : ''}`,
      x: Math.round(r.left + scrolledX),
      y: Math.round(r.top + scrolledY),
      width: Math.round(r.width),
      height: Math.round(r.height),
      ring: shows(drawn) || shows(el),
      inDialog: !!el.closest('dialog[open]'),
    };
  });
}

/** Presses Tab until the focus comes back to the first stop (or `max` stops), from where the focus is now. Positions are layout positions (scrolling undone). */
export async function walkTabs(page: Page, max = 120): Promise<TabStop[]> {
  const stops: TabStop[] = [];
  for (let i = 0; i < max; i++) {
    const inYaml = await page.evaluate(() => !!document.activeElement?.closest('.cm-editor'));
    if (inYaml) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const stop = await currentStop(page);
    if (!stop) continue;
    const first = stops[0];
    if (first && first.name === stop.name && first.x === stop.x && first.y === stop.y) break;
    stops.push(stop);
  }
  return stops;
}

/**
 * A whole round of Tab stops, from the top of the page: Chrome starts from
 * where the focus last was, so the round is turned to begin at the topmost
 * (then leftmost) stop, the first one a reader meets.
 */
export async function walkScreen(page: Page, max = 150): Promise<TabStop[]> {
  const round = await walkTabs(page, max);
  let top = 0;
  round.forEach((s, i) => {
    const t = round[top] as TabStop;
    if (s.y < t.y || (s.y === t.y && s.x < t.x)) top = i;
  });
  return [...round.slice(top), ...round.slice(0, top)];
}

/**
 * Stops that go against the reading order: back up within the same column,
 * or back left within the same row. Moving up into a column further right
 * (a list, then the pane beside it) is reading order.
 */
export function outOfOrder(stops: readonly TabStop[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1] as TabStop;
    const b = stops[i] as TabStop;
    const above = b.y + b.height <= a.y;
    const sameRow = b.y < a.y + a.height && a.y < b.y + b.height;
    const upInColumn = above && b.x <= a.x;
    const leftInRow = sameRow && b.x + b.width <= a.x;
    if (upInColumn || leftInRow) out.push(`${a.name} (${a.x},${a.y}) → ${b.name} (${b.x},${b.y})`);
  }
  return out;
}
