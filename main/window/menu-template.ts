// The native menu as data, free of Electron so a unit test can read it. Items
// that act on the UI (new template, import, export) are sent to the renderer
// as 'menu.command' events; it decides what they do. Role items get our
// labels too, so Electron's English defaults never show in zh-CN.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/events';
import type { MessageKey } from '../../shared/messages/en';
import { wordMessage, type UiLocale } from '../../shared/messages/word';

export const HOT_GUIDE_URL = 'https://docs.openstack.org/heat/latest/template_guide/hot_spec.html';

export interface MenuActions {
  send(command: MenuCommand): void;
  openExternal(url: string): void;
}

/** The menu as data (Electron-free to test): every label worded in `locale`. */
export function menuTemplate(actions: MenuActions, locale: UiLocale, platform: { isMac: boolean; packaged: boolean }): MenuItemConstructorOptions[] {
  const label = (key: MessageKey) => wordMessage({ key }, locale);
  const { isMac } = platform;
  const send = (command: MenuCommand) => actions.send(command);
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: label('menu.file'),
      submenu: [
        { label: label('menu.newTemplate'), accelerator: 'CmdOrCtrl+N', click: () => send('new-template') },
        { label: label('menu.import'), accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: label('menu.export'), accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        isMac ? { role: 'close', label: label('menu.close') } : { role: 'quit', label: label('menu.quit') },
      ],
    },
    {
      label: label('menu.edit'),
      submenu: [
        { role: 'undo', label: label('menu.undo') },
        { role: 'redo', label: label('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: label('menu.cut') },
        { role: 'copy', label: label('menu.copy') },
        { role: 'paste', label: label('menu.paste') },
        { role: 'selectAll', label: label('menu.selectAll') },
      ],
    },
    {
      label: label('menu.view'),
      submenu: [
        { label: label('menu.library'), accelerator: 'CmdOrCtrl+1', click: () => send('open-library') },
        // Ctrl+K and F1 reach the page itself; the menu shows the palette's other key.
        { label: label('menu.commandPalette'), accelerator: 'CmdOrCtrl+Shift+P', click: () => send('command-palette') },
        { type: 'separator' },
        { role: 'resetZoom', label: label('menu.resetZoom') },
        { role: 'zoomIn', label: label('menu.zoomIn') },
        { role: 'zoomOut', label: label('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: label('menu.fullscreen') },
        ...(platform.packaged ? [] : [{ role: 'toggleDevTools' as const, label: label('menu.devTools') }]),
      ],
    },
    {
      role: 'help',
      label: label('menu.help'),
      submenu: [
        { label: label('menu.about'), click: () => send('about') },
        { label: label('menu.heatDocs'), click: () => actions.openExternal(HOT_GUIDE_URL) },
      ],
    },
  ];
}
