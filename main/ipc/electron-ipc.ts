// Adapts the dispatcher to Electron IPC. One invoke channel carries every
// contract channel; the sender is checked (a frame of our own app:// origin in
// a window we created) before the request reaches the dispatcher, which then
// validates it. Only the channels the renderer calls are accepted (the
// preload refuses the rest too; this holds even if a preload were bypassed).
// Push events go to every window on one event channel.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import { RENDERER_CHANNELS } from '../../shared/ipc/renderer-surface';
import type { Dispatcher } from './dispatcher';
import type { EventBus } from '../events/event-bus';
import { isAppUrl } from '../window/security';

const rendererChannels = new Set<string>(RENDERER_CHANNELS);

export function registerIpc(dispatcher: Dispatcher, events: EventBus): () => void {
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, request: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: new AppError('FORBIDDEN', msg('ipc.untrustedFrame')).toPayload() };
    }
    if (typeof channel !== 'string' || !rendererChannels.has(channel)) {
      return { ok: false, error: new AppError('UNKNOWN_CHANNEL', msg('ipc.unknownChannel', { channel: String(channel).slice(0, 100) })).toPayload() };
    }
    return dispatcher.dispatch(channel, request);
  });
  const unsubscribe = events.subscribe((event) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event);
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    unsubscribe();
  };
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || !isAppUrl(frame.url)) return false;
  return BrowserWindow.fromWebContents(event.sender) !== null;
}
