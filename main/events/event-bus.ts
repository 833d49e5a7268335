// Main -> renderer pushes. Services emit typed events here; the Electron
// adapter forwards them to every window, the browser host to every SSE client.
import type { StudioEvent, StudioEvents, StudioEventType } from '../../shared/ipc/events';

export type EventListener = (event: StudioEvent) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<K extends StudioEventType>(type: K, payload: StudioEvents[K]): void {
    const event = { type, payload } as StudioEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (a closed window, a dropped socket) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
