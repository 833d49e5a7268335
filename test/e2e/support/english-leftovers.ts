// English left in the zh-CN UI (issue 16): the visible text of a screen
// (body.innerText plus the title / aria-label / placeholder of visible
// elements), minus what is a name, must hold no English word. Names are
// what the user or Heat named: resource types, property / parameter /
// attribute names, YAML, ids, the test's own stack and template names, and
// a short allow-list of product and unit words below.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Words that stay in Latin letters in the seed and in OpenStack's Chinese
 * UIs. Keep it short: anything else is a leftover to translate.
 */
const ALLOWED = new Set([
  // The product's own name (app.title: 'Heat Studio 资源编排工作室').
  'Heat', 'Studio',
  // OpenStack and its services, named in Latin letters by the seed and Horizon zh_CN.
  'OpenStack', 'Keystone', 'Nova', 'Neutron', 'Cinder', 'Glance',
  // Formats and protocols the seed writes in Latin letters (Yaml文件 in seed 000 4.1).
  // TLS and its CA certificate: the profile form's security fields, as in Horizon zh_CN.
  'TLS', 'CA',
  'HOT', 'YAML', 'Yaml', 'JSON', 'URL', 'HTTP', 'HTTPS', 'API', 'ZIP', 'zip', 'PNG', 'JPEG', 'SVG', 'SSH', 'CIDR', 'DNS', 'DHCP', 'QoS',
  // The seed's own Latin words: 通过VIP对外提供服务 (the recommended templates), 应用 LOGO.
  'VIP', 'LOGO',
  // Abbreviations the seed uses untranslated (公网IP, 云主机 ID, CPU).
  'IP', 'ID', 'CPU', 'vCPU', 'vCPUs', 'RAM', 'UTC',
  // Units.
  'MiB', 'GiB', 'GB', 'MB', 'KB', 'Mbps', 'kbps', 'ms',
  // The language picker names each language in itself.
  'English',
  // Keys printed on the keyboard (shortcut hints).
  'Ctrl', 'Shift', 'Alt', 'Enter', 'Esc', 'Tab', 'Delete', 'Backspace', 'Cmd',
]);

export interface VisibleText {
  /** body.innerText and the visible elements' title / aria-label / placeholder. */
  text: string;
  /** Text the UI shows as a name or as the user's text: <code>, the YAML views, inputs' own values are not in innerText. */
  names: string[];
}

/** What the page shows now, and the parts of it that are names by the UI's own marking. */
export async function visibleText(page: Page): Promise<VisibleText> {
  return page.evaluate(() => {
    const visible = (el: Element) => (el as HTMLElement).checkVisibility?.() ?? true;
    const attrs: string[] = [];
    for (const el of Array.from(document.querySelectorAll('[title], [aria-label], [placeholder]'))) {
      if (!visible(el) || el.closest('[lang=en]')) continue;
      for (const a of ['title', 'aria-label', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) attrs.push(v);
      }
    }
    // Names by the UI's marking: <code> (names, types, paths), the YAML views (the template as written).
    // Text marked lang="en" is the cloud's own English (Heat's property descriptions, a failure's message): what Heat wrote, not the studio's words.
    const nameSelectors = 'code, kbd, .cm-content, pre, [data-testid=yaml], [data-testid=file-text], [data-testid=yaml-editor], [lang=en], [data-testid^=prop-] option';
    const names = Array.from(document.querySelectorAll(nameSelectors)).map((el) => (el as HTMLElement).innerText ?? el.textContent ?? '');
    // Rows of the stack list (other engineers' stacks too): each stack's name.
    for (const el of Array.from(document.querySelectorAll('[data-testid=stack-list] [data-testid^=stack-]'))) names.push(el.getAttribute('data-testid')!.replace(/^stack-/, ''));
    // A property's or parameter's field (prop-flavor, param-image) shows that name: the template's, not the studio's words.
    for (const el of Array.from(document.querySelectorAll('[data-testid^=prop-], [data-testid^=param-]'))) names.push(el.getAttribute('data-testid')!.replace(/^(prop|param)-/, ''));
    return { text: [document.body.innerText, ...attrs].join('\n'), names };
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin-letter words in `text` that are neither names nor allowed, each with the line it stands in. */
export function englishLeftovers(text: string, names: readonly string[]): { word: string; line: string }[] {
  // Longest names first, so a name that contains another is removed whole.
  // A marked block (the YAML view) is removed line by line, as the text is read.
  const sorted = [...new Set(names.flatMap((n) => n.split('\n')).map((n) => n.trim()))].filter((n) => n).sort((a, b) => b.length - a.length);
  const found: { word: string; line: string }[] = [];
  // Zero-width spaces let long type names wrap (OS::Neutron::LBaaS::L7Policy): not part of any word.
  for (const rawLine of text.replace(/[\u200b\u00ad]/g, '').split('\n')) {
    let line = rawLine;
    // Whole words only: a one-letter <kbd> (H) must not cut "Heat" into "eat".
    for (const n of sorted) line = line.replace(new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(n.replace(/[\u200b\u00ad]/g, ''))}(?![A-Za-z0-9_])`, 'g'), ' ');
    // Resource types (OS::Nova::Server), UUIDs and hex ids, URLs and paths.
    line = line.replace(/\b(OS|AWS)::[\w:]+/g, ' ').replace(/https?:\/\/\S+/g, ' ').replace(/\b[0-9a-f]{8,}(-[0-9a-f]{4,})*\b/gi, ' ');
    for (const token of line.match(/[A-Za-z0-9_.:/@'’-]+/g) ?? []) {
      if (!/[A-Za-z]/.test(token)) continue;
      // Identifier-shaped: snake_case, dotted, with digits, paths, camelCase or Heat's UPPER_CASE: a name, not a sentence's word.
      if (/[_.:/@\d]/.test(token.replace(/[.:'’]+$/, '')) || /[a-z][A-Z]/.test(token)) continue;
      for (const word of token.split(/[-'’]/)) {
        const bare = word.replace(/[.:]+$/, '');
        if (bare.length < 2 || ALLOWED.has(bare)) continue;
        found.push({ word: bare, line: rawLine.trim().slice(0, 200) });
      }
    }
  }
  return found;
}

/**
 * Fails softly (the walk goes on to the next screen) when the screen shows
 * English that is not a name; the message names the screen, the words and
 * the lines they stand in, so a leftover is found in the sources at once.
 */
export async function expectNoEnglish(page: Page, screen: string, names: readonly string[] = []): Promise<void> {
  const { text, names: marked } = await visibleText(page);
  const left = englishLeftovers(text, [...names, ...marked]);
  const lines = [...new Set(left.map((l) => l.line))];
  const words = [...new Set(left.map((l) => l.word))];
  expect.soft(lines, `English on the zh-CN screen "${screen}": ${words.join(', ')}`).toEqual([]);
}
