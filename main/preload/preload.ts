// The sandboxed preload: exposes `window.studio` (invoke + events) and
// nothing else. No logic: the allow-list is the contract's channel names.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, IPC_EVENT, IPC_INVOKE } from '../../shared/ipc/contract';
import type { StudioBridge } from '../../shared/ipc/bridge';
import type { StudioEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';

const allowed = new Set<string>(CHANNEL_NAMES);

const bridge: StudioBridge = {
  host: 'electron',
  invoke(channel: string, request: unknown): Promise<Result<unknown>> {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${channel}` } });
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, request) as Promise<Result<unknown>>;
  },
  onEvent(listener: (event: StudioEvent) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, event: StudioEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
};

contextBridge.exposeInMainWorld('studio', bridge);
