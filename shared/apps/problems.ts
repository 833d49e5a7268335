// What a refused export says: a stable code (the UI translates by it), an
// English message naming what and where, and the values the message uses.
export type AppCheckCode =
  | 'APP_USER_DATA_CHINESE'
  | 'APP_USER_DATA_DOLLAR'
  | 'APP_EXISTING_RESOURCE'
  | 'APP_EXISTING_MARKED'
  | 'APP_OVER_QUOTA'
  | 'APP_NEEDS_EDITING'
  | 'APP_NOT_FROM_APP'
  | 'APP_VERSION_NOT_EDITED'
  | 'APP_VERSION_EDITED_AGAIN'
  | 'APP_VERSION_TAKEN'
  | 'APP_ACCESS_PORT';

export interface AppCheckProblem {
  code: AppCheckCode;
  message: string;
  /** Interpolation values for the translated message (resource, file, line, ...). */
  params: Record<string, string | number>;
  file?: string;
  resource?: string;
  line?: number;
  column?: number;
}

/** A template as the checks see it: the entry, its nested files, its environment. */
export interface TemplateFiles {
  entryPath: string;
  yaml: string;
  files: Record<string, string>;
  environment: string | null;
}

/** Entry first, then every nested file that could be a template. */
export function templateTexts(t: TemplateFiles): Array<[path: string, text: string]> {
  return [[t.entryPath, t.yaml], ...Object.entries(t.files).filter(([p]) => /\.(ya?ml|template|json)$/i.test(p))];
}
