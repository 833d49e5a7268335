// Deploying from the studio: where a stack's template came from, and the
// options of the deploy dialog, as both sides see them.

/** The library template + version a stack was deployed (or last updated) from. */
export interface StackOrigin {
  profileId: string;
  stackId: string;
  stackName: string;
  templateId: string;
  templateName: string;
  templateVersion: number;
  deployedAt: string;
}

/** What to deploy: a library version, or YAML the user picked (not kept in the library). */
export type DeploySource =
  { kind: 'library'; templateId: string; version: number } | { kind: 'yaml'; yaml: string; files: Record<string, string>; entryPath: string };

export interface DeployOptions {
  parameters: Record<string, string>;
  /** An environment file's text (the dialog's "environment file"), sent as an environment file. */
  environment: string | null;
  disableRollback: boolean;
  timeoutMins: number | null;
  tags: string[];
}
