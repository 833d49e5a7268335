import { z } from 'zod';
import { channel } from './define';
import { LIMITS, type TemplateSummary } from '../library/model';
import { CONTROL_CHAR_MESSAGE, hasControlChar } from '../library/names';
import { base64Length, ZIP_ARCHIVE_BYTES_MAX } from './byte-limits';

const id = z.string().min(1).max(64);
const templateName = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.nameMax)
  .refine((s) => !hasControlChar(s), CONTROL_CHAR_MESSAGE);
/** Files cross as base64 so main decodes them strictly (UTF-8, named errors). */
const file = z.object({ path: z.string().min(1).max(1024), base64: z.string() });

export interface ImportOutcome {
  templates: TemplateSummary[];
  skipped: string[];
}

export interface ExportedFile {
  fileName: string;
  base64?: string;
  text?: string;
}

export const filesChannels = {
  /** Several files (one chosen entry, the rest its nested files), or a folder (no entry). */
  'files.importFiles': channel(
    z.object({
      files: z.array(file).min(1).max(10_000),
      entry: z.string().max(1024).optional(),
      environment: z.string().max(1024).optional(),
      name: templateName.optional(),
    }),
  ).returns<ImportOutcome>(),
  /**
   * A bundle made by our export, or a plain zip of templates; no bigger than an archive the zip limits could accept.
   * onExisting: the person's answer when a bundle's template name is taken (asked through a CONFLICT with reason bundle-name-taken).
   */
  'files.importZip': channel(
    z.object({
      fileName: z.string().min(1).max(1024),
      base64: z.string().max(base64Length(ZIP_ARCHIVE_BYTES_MAX)),
      onExisting: z.enum(['version', 'copy']).optional(),
    }),
  ).returns<ImportOutcome>(),
  'files.importUrl': channel(z.object({ url: z.string().url().max(4096), name: templateName.optional() })).returns<ImportOutcome>(),
  'files.exportYaml': channel(z.object({ id, number: z.number().int().min(1).optional() })).returns<ExportedFile>(),
  'files.exportBundle': channel(z.object({ id, number: z.number().int().min(1).optional() })).returns<ExportedFile>(),
} as const;
