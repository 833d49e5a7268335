// Main -> renderer pushes travel on one typed channel. Each event has a type
// and a payload; the renderer subscribes by type.
import type { TemplateSummary } from '../library/model';

export interface StudioEvents {
  /** The library changed (another window, an import, the File menu). */
  'library.changed': { templateId: string | null };
  /** A native menu item was chosen; the renderer decides what it means. */
  'menu.command': { command: MenuCommand };
  /** Keep-alive for browser mode: lets the UI show "reconnecting". */
  'host.hello': { at: string };
  'library.templateSaved': { template: TemplateSummary };
}

export type MenuCommand = 'new-template' | 'import' | 'export' | 'about' | 'open-library';

export type StudioEventType = keyof StudioEvents;
export interface StudioEvent<K extends StudioEventType = StudioEventType> {
  type: K;
  payload: StudioEvents[K];
}
