// Issue 16's yardstick: every English word a zh-CN user can see that is not
// a name. It reads what is on screen (the body's visible text, the open
// dialogs and toasts with it, and the words a user meets without them being
// text: title tooltips, placeholders, aria-labels) and returns the English
// words left once names are taken out.
//
// What counts as a name, and why (kept short on purpose):
// - text the user or Heat wrote, marked in the DOM: a subtree with lang="en"
//   (Heat's own reason detail, property names) or data-user-text (template,
//   stack and resource names, ids), and the YAML editor (.cm-editor) and form
//   fields' values, which hold what the user typed;
// - the names the test itself made up (its templates, stacks, profiles),
//   passed as `names`;
// - a quoted name ("…", “…”), a `command`, an address or a file path;
// - resource types (OS::Nova::Server …) and HOT's own keywords and
//   functions (get_param, heat_template_version …), which are syntax;
// - product names and abbreviations the seed keeps in Latin letters, and
//   units.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser';

const PRODUCTS = [
  'Heat',
  'OpenStack',
  'Keystone',
  'Nova',
  'Neutron',
  'Cinder',
  'Glance',
  'Swift',
  'YAML',
  'HOT',
  'JSON',
  'IP',
  'IPv4',
  'IPv6',
  'URL',
  'git',
  'Git',
  'SSH',
  'HTTP',
  'HTTPS',
  'CA',
  'ID',
  'id',
  'CPU',
  'vCPU',
  'RAM',
  'DNS',
  'DHCP',
  'CIDR',
  'MTU',
  'TLS',
  'zip',
  'http',
  'https',
  'ssh',
  'ssh-agent',
  'openrc',
  'Studio',
  'English',
  'CloudFormation',
  'VIP',
  'PNG',
  'SVG',
  'CSV',
  'AWS',
  'PEM',
  'Tab',
  'Enter',
  'Esc',
  'Delete',
  'Backspace',
  'Ctrl',
  'Shift',
  'Alt',
  'Cmd',
];
const UNITS = ['GiB', 'MiB', 'GB', 'MB', 'KiB', 'KB', 'ms', 'fps', 'Mbps', 'Gbps', 'kbps'];
/** HOT's keys and functions, which a template (and so a message about it) says as they are. */
const HOT_WORDS =
  /^(heat_template_version|get_param|get_attr|get_resource|get_file|str_replace|list_join|depends_on|parameters|resources|outputs|properties|description|parameter_groups|conditions|condition|type|value|default|constraints)$/;

export interface LeftoverOptions {
  /** The names this test made up (templates, stacks, profiles, resources): user text. */
  names?: readonly string[];
}

/** Every English word on screen that is not a name (see the file's head for what a name is), each as "word ← the text it is in". */
export async function englishLeftovers(page: Page, options: LeftoverOptions = {}): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const skipped = (el: Element | null): boolean =>
      !!el?.closest('[lang="en"], [data-user-text], .cm-editor, script, style, noscript, template, [hidden], [aria-hidden="true"]');
    const visible = (el: Element): boolean => {
      const box = (el as HTMLElement).getBoundingClientRect?.();
      if (!box || (box.width === 0 && box.height === 0)) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none';
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skipped(parent) || !visible(parent)) continue;
      // A closed <dialog> or <details> hides its content without its box being zero.
      if (parent.closest('dialog:not([open])') || parent.closest('details:not([open]) > :not(summary)')) continue;
      if (node.textContent?.trim()) out.push(node.textContent);
    }
    for (const el of Array.from(document.querySelectorAll('[title], [placeholder], [aria-label], option, input[type=button], input[type=submit]'))) {
      if (skipped(el) || (!visible(el) && el.tagName !== 'OPTION')) continue;
      if (el.tagName === 'OPTION' && !visible(el.parentElement!.closest('select, datalist') ?? el)) continue;
      for (const attr of ['title', 'placeholder', 'aria-label']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
      if (el.tagName === 'OPTION') out.push((el as HTMLOptionElement).label);
      if (el instanceof HTMLInputElement && (el.type === 'button' || el.type === 'submit')) out.push(el.value);
    }
    // A file input's button is Chromium's own ("Choose File"), not in the DOM's text.
    // (The studio's FilePicker hides it, opacity 0, behind a button of its own.)
    for (const el of Array.from(document.querySelectorAll('input[type=file]')))
      if (visible(el) && !skipped(el) && getComputedStyle(el).opacity !== '0') out.push('Choose File');
    return out;
  });
  const names = [...(options.names ?? [])].sort((a, b) => b.length - a.length);
  const allowed = new Set([...PRODUCTS, ...UNITS]);
  const words = new Map<string, string>();
  for (const shown of texts) {
    let text = shown.replace(/\b(https?|git|ssh):\/\/[^\s，。、）)]*|\bgit@[^\s，。、）)]+/g, ' '); // addresses
    for (const name of names) text = text.split(name).join(' ');
    text = text
      .replace(/\b(OS|AWS)::[\w:]+/g, ' ') // resource types
      .replace(/`[^`]*`/g, ' ') // a command or code, written as such
      .replace(/"[^"]*"|“[^”]*”/g, ' ') // a quoted name (a template, a profile the studio made)
      .replace(/(^|[\s(（:：])(\/|~\/)[^\s，。）)]*/g, ' ') // a file path
      .replace(/\b[\w.-]+\.(ya?ml|zip|json|sh|txt|env)\b/gi, ' ') // file names
      .replace(/\b[0-9a-f]{8}-[0-9a-f-]{27,}\b/gi, ' ') // ids
      .replace(/\b[A-Z]{2,}\.\d{3}\.\d{4}\b/g, ' '); // the seed's error codes (SS.400.0047)
    for (const found of text.match(/[A-Za-z][\w'-]*/g) ?? []) {
      const word = found.replace(/['-]+$/, '');
      // An identifier (server_1, key_name, v3) is a name someone gave, not a word.
      if (word.length < 2 || allowed.has(word) || HOT_WORDS.test(word) || /[_\d]/.test(word)) continue;
      if (!words.has(word)) words.set(word, shown.trim().slice(0, 120));
    }
  }
  // Each word with the text it was found in, so a failure says where to look.
  return [...words].sort(([a], [b]) => a.localeCompare(b)).map(([word, where]) => `${word} ← ${where}`);
}

/** The walk's two steps on each screen, for the zh-CN walk files. */
export function zhWalk(page: Page, names: readonly string[]) {
  return {
    /** Screenshots the screen as it is now and fails (softly, so one run lists every screen's) on any English word left. */
    async speaksChinese(shot: string, more: readonly string[] = []): Promise<void> {
      await screenshot(page, `zh-walk-${shot}`);
      expect.soft(await englishLeftovers(page, { names: [...names, ...more] }), shot).toEqual([]);
    },
    /** Closes the open dialog as a keyboard user does (Esc inside it). */
    async closeDialog(): Promise<void> {
      const dialog = page.locator('dialog[open]');
      await dialog.locator('h2').first().click();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    },
  };
}
