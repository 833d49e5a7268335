// App packages (the seed's "import to app center"): check and export a
// library version as a package, import a package back as a template, and the
// app a template came from. The form itself is validated again in main
// against shared/apps/manifest.ts, with field-named messages.
import { z } from 'zod';
import { channel } from './define';
import type { AppLink, ExportCheckResult } from '../apps/model';
import type { TemplateSummary } from '../library/model';

const id = z.string().min(1).max(64);
const mode = z.enum(['new-app', 'new-version']);
/** The cloud whose quota the export is checked against (the active one); main counts and reads the quota itself. */
const quotaProfileId = z.string().min(1).max(128).nullable().optional();
/** ~64 MiB of zip as base64; the zip reader's own limits apply after. */
const base64 = z.string().max(90_000_000);

export interface ImportedAppOutcome {
  template: TemplateSummary;
  link: AppLink;
}

export const appsChannels = {
  'apps.checkExport': channel(z.object({ id, number: z.number().int().min(1).optional(), mode, quotaProfileId })).returns<ExportCheckResult>(),
  'apps.export': channel(
    z.object({
      id,
      number: z.number().int().min(1).optional(),
      mode,
      quotaProfileId,
      // Shapes only here: main validates the fields with the manifest's rules and names each one.
      app: z.record(z.string(), z.unknown()),
      version: z.record(z.string(), z.unknown()),
      translations: z.record(z.string(), z.record(z.string(), z.string())).default({}),
      logo: z
        .object({ fileName: z.string().min(1).max(255), base64: z.string().max(1_000_000) })
        .nullable()
        .optional(),
    }),
  ).returns<{ fileName: string; base64: string }>(),
  'apps.import': channel(z.object({ fileName: z.string().min(1).max(1024), base64, allowDuplicate: z.boolean().optional() })).returns<ImportedAppOutcome>(),
  'apps.link': channel(z.object({ id })).returns<AppLink | null>(),
} as const;
