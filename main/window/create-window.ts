// The main window: sandboxed, context-isolated, no Node in the renderer, the
// preload as the only bridge; its size and position are remembered.
import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './app-protocol';
import { hardenWebContents } from './security';
import { loadWindowState, saveWindowState } from './window-state';

export function createMainWindow(options: { dataDir: string; preloadPath: string; title: string }): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const state = loadWindowState(options.dataDir, displays);
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    title: options.title,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  hardenWebContents(win.webContents);
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const remember = () => {
    if (win.isDestroyed()) return;
    const bounds = win.getNormalBounds();
    saveWindowState(options.dataDir, { ...bounds, maximized: win.isMaximized() });
  };
  win.on('close', remember);

  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

export function preloadPath(): string {
  // Bundled next to main.cjs by scripts/build-electron.mjs.
  return join(__dirname, 'preload.cjs');
}
