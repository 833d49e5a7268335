// The app side of the library as both processes see it.
import type { AppInfo } from './manifest';
import type { AppCheckProblem } from './problems';
import type { PortRange } from './security-groups';

/** Which app (and version) a library template was created from. */
export interface AppLink {
  templateId: string;
  appId: string;
  appName: string;
  /** The app version the template holds, or the last version exported from it. */
  appVersion: string;
  /** The library version the package was imported as: edits come after it. */
  baseVersion: number;
  linkedAt: string;
}

/** A new app (fresh id), or the next version of the app the template came from. */
export type ExportMode = 'new-app' | 'new-version';

/** What a quota panel decides; the export refuses when it says over. */
export interface QuotaVerdict {
  over: boolean;
  /** Resource kinds over quota, for the message (e.g. "instances", "floatingip"). */
  resources: string[];
}

export interface ParameterLabel {
  name: string;
  /** The parameter's own label (or ''), shown beside the field to translate. */
  label: string;
}

export interface ExportCheckResult {
  /** Empty when the export may go ahead. */
  problems: AppCheckProblem[];
  parameters: ParameterLabel[];
  ranges: PortRange[];
  link: AppLink | null;
  /** In new-version mode, the app info to show (the seed: only the version info is filled in). */
  app: AppInfo | null;
  /** Whether the version mode is open to this template at all, and why not. */
  versionRefusal: AppCheckProblem | null;
}
