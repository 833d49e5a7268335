// The native menu. Items that act on the UI (new template, import, export)
// are sent to the renderer as 'menu.command' events; it decides what they do.
import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/events';

export function buildMenu(send: (command: MenuCommand) => void, labels = ENGLISH_LABELS): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: labels.file,
      submenu: [
        { label: labels.newTemplate, accelerator: 'CmdOrCtrl+N', click: () => send('new-template') },
        { label: labels.import, accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: labels.export, accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: labels.quit },
      ],
    },
    { role: 'editMenu' },
    {
      label: labels.view,
      submenu: [
        { label: labels.library, accelerator: 'CmdOrCtrl+1', click: () => send('open-library') },
        // Ctrl+K (and F1) reach the page itself; the menu shows the other key of the palette.
        { label: labels.commandPalette, accelerator: 'CmdOrCtrl+Shift+P', click: () => send('command-palette') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      role: 'help',
      label: labels.help,
      submenu: [
        { label: labels.about, click: () => send('about') },
        { label: labels.heatDocs, click: () => void shell.openExternal('https://docs.openstack.org/heat/latest/template_guide/hot_spec.html') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

export const ENGLISH_LABELS = {
  file: 'File',
  newTemplate: 'New Template',
  import: 'Import…',
  export: 'Export…',
  quit: 'Quit',
  view: 'View',
  library: 'Library',
  commandPalette: 'Command Palette…',
  help: 'Help',
  about: 'About Heat Studio',
  heatDocs: 'HOT Template Guide',
};
