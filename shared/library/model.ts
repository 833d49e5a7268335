// What the template library holds, as both sides see it. The main process owns
// the SQLite rows; these are the shapes that cross the contract.
import type { Message } from '../messages/message';

export type TemplateStatus = 'usable' | 'needs_editing';
export type TemplateOrigin = 'user' | 'system';

/** Layout is kept beside the YAML, never inside it: Heat rejects unknown top-level keys. */
export interface NodePosition {
  x: number;
  y: number;
}
export type CanvasLayout = Record<string, NodePosition>;

/** The quota reading a status used: whose, where and when (main/template-status/README.md). */
export interface StatusQuotaSource {
  profileId: string;
  /** The profile's name when the status was computed (the profile may be renamed or removed since). */
  profileName: string | null;
  region: string | null;
  /** When that quota was read. */
  readAt: string;
}

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  tags: string[];
  status: TemplateStatus;
  /** The reason in English (search, logs); `statusMsg` is the same as a message key, worded by the UI. */
  statusReason: string;
  /** Null for a usable template, and for an old reason not yet re-derived (shown as `statusReason`). */
  statusMsg: Message | null;
  /** Which cloud's quota the status was judged against (SPEC 1.4); null or absent when quota played no part. */
  statusQuota?: StatusQuotaSource | null;
  origin: TemplateOrigin;
  /** For system (recommended) templates: a stable key such as 'shared-network-server'. */
  systemKey: string | null;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateVersion {
  id: string;
  templateId: string;
  number: number;
  /**
   * The entry template's path from the import root ('template.yaml' for
   * templates made here). `files` are keyed by path from the same root, so a
   * template imported from a folder keeps its nested files where they were.
   */
  entryPath: string;
  /** The YAML exactly as written: the bytes are never reformatted. */
  yaml: string;
  layout: CanvasLayout;
  /** Nested files by relative path (the `files` map Heat expects, before URL-ing). */
  files: Record<string, string>;
  /** Environment file text, if one was attached. */
  environment: string | null;
  note: string;
  createdAt: string;
}

export interface TemplateDetails extends TemplateSummary {
  versions: Array<Pick<TemplateVersion, 'id' | 'number' | 'note' | 'createdAt'>>;
  latest: TemplateVersion;
}

/** Limits enforced at the boundary and in the service. */
export const LIMITS = {
  nameMax: 255,
  descriptionMax: 4_000,
  tagMax: 64,
  tagsMax: 50,
  /** Heat's max_template_size. */
  templateBytesMax: 524_288,
  searchMax: 500,
} as const;
