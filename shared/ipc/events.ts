// Main -> renderer pushes travel on one typed channel. Each event has a type
// and a payload; the renderer subscribes by type.
import type { TemplateSummary } from '../library/model';
import type { StackChange } from '../cloud/heat-types';
import type { InstanceRun } from '../stacksets/operation-state';
import type { StackSetOperation } from '../stacksets/model';
import type { OperationProgress } from './stacksets.contract';
import type { GitOperation } from './git.contract';
import type { Message } from '../messages/message';

export interface StudioEvents {
  /** The library changed (another window, an import, the File menu). */
  'library.changed': { templateId: string | null };
  /** A native menu item was chosen; the renderer decides what it means. */
  'menu.command': { command: MenuCommand };
  /** Keep-alive for browser mode: lets the UI show "reconnecting". */
  'host.hello': { at: string };
  'library.templateSaved': { template: TemplateSummary };
  /** A watched stack changed: new events (oldest first), resource status deltas, maybe the full resource list. */
  'stack.changed': StackChange;
  /** A cloud profile became reachable or unreachable (lists then show cached data, marked stale). */
  'cloud.status': { profileId: string; online: boolean; error: { code: string; message: string; msg?: Message } | null; at: string };
  /** A stack set, its instances or operations changed (created, deleted). */
  'stacksets.changed': { stack_set_id: string };
  /** A stack set operation moved: its metadata, progress and per-instance statuses. */
  /** A line of git's progress (clone, pull's fetch, push), as git wrote it. */
  'git.progress': { libraryId: string | null; operation: GitOperation; line: string };
  /** A git library's background import (reading the working copy and its history) started or ended. */
  'git.importing': { libraryId: string; running: boolean };
  'stacksets.operation': { stack_set_id: string; operation: StackSetOperation; progress: OperationProgress; instances: InstanceRun[] };
}

export type MenuCommand = 'new-template' | 'import' | 'export' | 'about' | 'open-library' | 'command-palette';

export type StudioEventType = keyof StudioEvents;
export interface StudioEvent<K extends StudioEventType = StudioEventType> {
  type: K;
  payload: StudioEvents[K];
}
