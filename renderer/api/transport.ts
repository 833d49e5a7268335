// The two ways the renderer reaches the main-process services: the preload's
// bridge in Electron, or HTTP + server-sent events in browser mode. Nothing
// else in the renderer knows which one is in use.
import type { StudioBridge } from '../../shared/ipc/bridge';
import type { StudioEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';

export type ConnectionState = 'connected' | 'reconnecting';

export interface Transport {
  readonly host: 'electron' | 'web';
  invoke(channel: string, request: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: StudioEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

declare global {
  interface Window {
    studio?: StudioBridge;
  }
}

export function createTransport(): Transport {
  return window.studio ? electronTransport(window.studio) : httpTransport();
}

function electronTransport(bridge: StudioBridge): Transport {
  return {
    host: 'electron',
    invoke: (channel, request) => bridge.invoke(channel, request),
    onEvent: (listener) => bridge.onEvent(listener),
    onConnection: () => () => undefined, // IPC cannot drop
  };
}

function httpTransport(): Transport {
  const eventListeners = new Set<(e: StudioEvent) => void>();
  const connectionListeners = new Set<(s: ConnectionState) => void>();
  let source: EventSource | null = null;

  const ensureStream = () => {
    if (source) return;
    // EventSource reconnects by itself; we only report the state.
    source = new EventSource('api/events');
    source.onmessage = (m) => {
      const event = JSON.parse(m.data as string) as StudioEvent;
      for (const l of eventListeners) l(event);
    };
    source.onopen = () => connectionListeners.forEach((l) => l('connected'));
    source.onerror = () => connectionListeners.forEach((l) => l('reconnecting'));
  };

  return {
    host: 'web',
    async invoke(channel, request) {
      let response: Response;
      try {
        response = await fetch(`api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request ?? {}),
        });
      } catch (err) {
        return { ok: false, error: { code: 'CLOUD_UNREACHABLE', message: `The studio host cannot be reached: ${String(err)}` } };
      }
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'BAD_RESPONSE', message: `The studio host answered ${response.status} without JSON.` } };
      }
    },
    onEvent(listener) {
      ensureStream();
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      ensureStream();
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
