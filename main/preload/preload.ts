// The sandboxed preload: exposes `window.studio` (invoke + events) and
// nothing else. No logic: the allow-list is the channels the renderer calls
// (RENDERER_CHANNELS, checked against the renderer's sources by a test), not
// the whole contract, and only the event types it subscribes to reach it.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc/contract';
import { RENDERER_CHANNELS, RENDERER_EVENTS } from '../../shared/ipc/renderer-surface';
import type { StudioBridge } from '../../shared/ipc/bridge';
import type { StudioEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';

const allowed = new Set<string>(RENDERER_CHANNELS);
const events = new Set<string>(RENDERER_EVENTS);

const bridge: StudioBridge = {
  host: 'electron',
  channels: Object.freeze([...RENDERER_CHANNELS]),
  invoke(channel: string, request: unknown): Promise<Result<unknown>> {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${channel}` } });
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, request) as Promise<Result<unknown>>;
  },
  onEvent(listener: (event: StudioEvent) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, event: StudioEvent) => {
      if (events.has(event.type)) listener(event);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
};

contextBridge.exposeInMainWorld('studio', bridge);
