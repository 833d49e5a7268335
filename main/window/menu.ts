// The native menu, in the studio's language (rebuilt when the user switches
// it; main/index.ts). Its items are data in menu-template.ts.
import { app, Menu, shell } from 'electron';
import type { MenuCommand } from '../../shared/ipc/events';
import type { UiLocale } from '../../shared/messages/word';
import { menuTemplate } from './menu-template';

export function buildMenu(send: (command: MenuCommand) => void, locale: UiLocale = 'en'): Menu {
  const actions = { send, openExternal: (url: string) => void shell.openExternal(url) };
  return Menu.buildFromTemplate(menuTemplate(actions, locale, { isMac: process.platform === 'darwin', packaged: app.isPackaged }));
}
