// The app package manifest (app.json) and the export form, as zod schemas.
// The required marks follow the seed's "import to app center" dialog: name*,
// author* (package info); version*, version description*, usage
// instructions* (deployment info); everything else optional. Lengths and the
// version format are ours (the seed gives none): short enough for an app
// center's cards, long enough for real text.
import { z } from 'zod';

export const APP_LIMITS = {
  nameMax: 64,
  categoryMax: 32,
  tagMax: 32,
  tagsMax: 10,
  descriptionMax: 1_000,
  authorMax: 64,
  versionMax: 32,
  versionDescriptionMax: 1_000,
  usageMax: 5_000,
  accessMax: 10,
  accessNameMax: 64,
  translationMax: 255,
  /** A logo is an icon: 256 KiB is plenty and keeps packages small. */
  logoBytesMax: 256 * 1024,
} as const;

/** The seed's category is chosen from a list; these are the app center's usual shelves. */
export const APP_CATEGORIES = ['web', 'database', 'middleware', 'devops', 'big-data', 'network', 'storage', 'other'] as const;
export type AppCategory = (typeof APP_CATEGORIES)[number];

/** Versions such as 1.0.1 or v1.0 (the seed's examples), with an optional -suffix. */
export const VERSION_PATTERN = /^v?\d+(\.\d+){0,3}(-[0-9A-Za-z.]+)?$/;

export const TRANSLATION_LOCALES = ['en', 'zh-CN'] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const accessEntrySchema = z.object({
  name: required(APP_LIMITS.accessNameMax),
  protocol: z.enum(['http', 'https', 'tcp', 'udp']),
  port: z.number().int().min(1).max(65_535),
});
export type AccessEntry = z.infer<typeof accessEntrySchema>;

/** The package info page: what the app is. */
export const appInfoSchema = z.object({
  name: required(APP_LIMITS.nameMax),
  category: z.enum(APP_CATEGORIES).nullable(),
  tags: z.array(required(APP_LIMITS.tagMax)).max(APP_LIMITS.tagsMax),
  description: text(APP_LIMITS.descriptionMax),
  author: required(APP_LIMITS.authorMax),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** The deployment info page: this version of it. */
export const versionInfoSchema = z.object({
  version: z.string().trim().min(1).max(APP_LIMITS.versionMax).regex(VERSION_PATTERN, 'a version such as 1.0.1 or v1.0'),
  description: required(APP_LIMITS.versionDescriptionMax),
  appAccess: z.array(accessEntrySchema).max(APP_LIMITS.accessMax),
  serviceAccess: z.array(accessEntrySchema).max(APP_LIMITS.accessMax),
  usage: required(APP_LIMITS.usageMax),
});
export type VersionInfo = z.infer<typeof versionInfoSchema>;

/** The field translation page: parameter name -> label, per UI language. Optional throughout. */
export const translationsSchema = z
  .object({
    en: z.record(z.string().min(1).max(255), text(APP_LIMITS.translationMax)),
    'zh-CN': z.record(z.string().min(1).max(255), text(APP_LIMITS.translationMax)),
  })
  .partial();
export type Translations = z.infer<typeof translationsSchema>;

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const packagePath = z.string().min(1).max(1024);

export const LOGO_TYPES = { 'image/png': 'logo.png', 'image/jpeg': 'logo.jpg', 'image/svg+xml': 'logo.svg' } as const;
export type LogoType = keyof typeof LOGO_TYPES;

export const manifestSchema = z.object({
  format: z.literal('heat-studio-app'),
  formatVersion: z.literal(1),
  /** Stable across the app's versions: a new version of the app keeps it. */
  appId: z.string().uuid(),
  app: appInfoSchema,
  logo: z.object({ path: packagePath, type: z.enum(['image/png', 'image/jpeg', 'image/svg+xml']) }).nullable(),
  version: versionInfoSchema.extend({ createdAt: z.string().max(40) }),
  translations: translationsSchema,
  template: z.object({
    entry: packagePath,
    environment: packagePath.nullable(),
    layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })),
  }),
  /** Every file of the package but app.json itself, by path. */
  sha256: z.record(packagePath, sha),
});
export type AppManifest = z.infer<typeof manifestSchema>;

/** One message per problem, naming the field as the dialog does: "version.appAccess.0.port: …". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}
