// Electron main: lifecycle only. Services are composed in compose.ts exactly
// as the browser host composes them; this file adds the window, the menu,
// the IPC adapter and the single-instance lock.
import { app, BrowserWindow, dialog, Menu, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { composeServices, type Services } from './compose';
import { registerIpc } from './ipc/electron-ipc';
import { createMainWindow, preloadPath } from './window/create-window';
import { registerAppScheme, serveRenderer } from './window/app-protocol';
import { buildMenu } from './window/menu';
import { hardenSession, hardenWebContents } from './window/security';
import { resolveNativeBinding } from './platform/native-binding';
import { PRODUCT_NAME } from './platform/paths';
import { chooseSecretStore } from './platform/safe-storage-store';
import { AppError } from '../shared/ipc/errors';
import { localeFromSystem, wordMessage } from '../shared/messages/word';
import { libraryDialogOptions } from './window/library-dialog';

app.setName(PRODUCT_NAME);
// As in the browser host (main/platform/paths.ts): HEAT_STUDIO_DATA_DIR moves
// the library, which the Electron end-to-end tests use for a temp library.
// Before 'ready', and before the single-instance lock, which lives in userData.
if (process.env.HEAT_STUDIO_DATA_DIR) app.setPath('userData', process.env.HEAT_STUDIO_DATA_DIR);
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: Services | null = null;
  let unregisterIpc: (() => void) | null = null;
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));

  app.whenReady().then(
    () => {
      const dataDir = app.getPath('userData');
      // dist-electron/main.cjs -> the app root (repo in development, app.asar when packaged).
      const appRoot = join(__dirname, '..');
      try {
        services = composeServices({
          dataDir,
          host: 'electron',
          version: app.getVersion(),
          // The OS keychain (safeStorage) when it really encrypts; otherwise a 0600 key file in the data dir, and the user is told why.
          ...chooseSecretStore(safeStorage, process.platform),
          // Library files anywhere on disk, chosen in the system's file dialog (libraries.choosePath).
          // Worded in the language chosen now (the system's until one is chosen), so a switch applies to the next dialog.
          chooseLibraryPath: async (purpose) => {
            const locale = services?.preferences().locale ?? localeFromSystem(app.getLocale());
            if (purpose === 'create') {
              const options = libraryDialogOptions('create', locale);
              const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
              return r.canceled || !r.filePath ? null : r.filePath;
            }
            const options = libraryDialogOptions('open', locale);
            const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
            return r.canceled ? null : (r.filePaths[0] ?? null);
          },
          nativeBinding: resolveNativeBinding({ packaged: app.isPackaged, repoRoot: appRoot, electronVersion: process.versions.electron }),
        });
      } catch (err) {
        // No library, so no saved language: the system's decides.
        dialog.showErrorBox(
          wordMessage({ key: 'dialog.libraryFailed.title' }, localeFromSystem(app.getLocale())),
          err instanceof AppError || err instanceof Error ? err.message : String(err),
        );
        app.exit(1);
        return;
      }
      hardenSession(session.defaultSession);
      serveRenderer(join(appRoot, 'dist', 'renderer'));
      unregisterIpc = registerIpc(services.dispatcher, services.events);
      const events = services.events;
      // The menu speaks the chosen language (the system's until one is chosen) and is rebuilt when it changes.
      const chosen = services;
      const installMenu = () =>
        Menu.setApplicationMenu(
          buildMenu((command) => events.emit('menu.command', { command }), chosen.preferences().locale ?? localeFromSystem(app.getLocale())),
        );
      installMenu();
      chosen.onPreferences(installMenu);
      mainWindow = createMainWindow({ dataDir, preloadPath: preloadPath(), title: PRODUCT_NAME });
      mainWindow.on('closed', () => (mainWindow = null));
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) {
          mainWindow = createMainWindow({ dataDir, preloadPath: preloadPath(), title: PRODUCT_NAME });
        }
      });
    },
    (err: unknown) => {
      console.error(err);
      app.exit(1);
    },
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    unregisterIpc?.();
    services?.dispose();
    services = null;
  });
}
