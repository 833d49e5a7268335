// What the preload exposes as `window.studio` in the desktop app. The browser
// host offers the same two operations over HTTP + server-sent events.
import type { StudioEvent } from './events';
import type { Result } from './result';

export interface StudioBridge {
  readonly host: 'electron';
  /** The channels `invoke` passes on (RENDERER_CHANNELS); any other is refused. */
  readonly channels: readonly string[];
  invoke(channel: string, request: unknown): Promise<Result<unknown>>;
  /** Subscribes to push events; returns the unsubscribe function. */
  onEvent(listener: (event: StudioEvent) => void): () => void;
}
