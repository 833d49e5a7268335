// The native menu speaks the chosen language: every label, role items too.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../../../main/window/menu-template';
import type { MenuCommand } from '../../../../shared/ipc/events';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);
}

const platform = { isMac: false, packaged: false };

describe('the native menu', () => {
  it('is all Chinese in zh-CN, and all English in en', () => {
    const zh = labels(menuTemplate({ send: () => undefined, openExternal: () => undefined }, 'zh-CN', platform));
    const en = labels(menuTemplate({ send: () => undefined, openExternal: () => undefined }, 'en', platform));
    expect(zh.length).toBe(en.length);
    expect(zh.length).toBeGreaterThan(15);
    for (const l of zh) expect(l, l).toMatch(/[\u4e00-\u9fff]/);
    for (const l of en) expect(l, l).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en).toContain('New Template');
  });

  it('labels every item that has no separator role, so no Electron default text shows', () => {
    const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? walk(i.submenu) : [])]);
    for (const item of walk(menuTemplate({ send: () => undefined, openExternal: () => undefined }, 'zh-CN', platform))) {
      if (item.type === 'separator' || item.role === 'appMenu') continue;
      expect(item.label, JSON.stringify(item.role)).toBeTruthy();
    }
  });

  it('sends the UI commands', () => {
    const sent: MenuCommand[] = [];
    const items = menuTemplate({ send: (c) => sent.push(c), openExternal: () => undefined }, 'zh-CN', platform);
    const file = items[0]!.submenu as MenuItemConstructorOptions[];
    (file[0]!.click as () => void)();
    expect(sent).toEqual(['new-template']);
  });
});
