import { z } from 'zod';
import { channel } from './define';
import { LIMITS, type TemplateDetails, type TemplateSummary, type TemplateVersion } from '../library/model';
import { CONTROL_CHAR_MESSAGE, hasControlChar } from '../library/names';

const id = z.string().min(1).max(64);
/** A name as the user types it (templates, libraries): trimmed, bounded, no control characters. */
export const name = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(LIMITS.nameMax, `a name has at most ${LIMITS.nameMax} characters`)
  .refine((s) => !hasControlChar(s), CONTROL_CHAR_MESSAGE);
const tag = z
  .string()
  .trim()
  .min(1, 'a tag cannot be empty')
  .max(LIMITS.tagMax)
  .refine((s) => !hasControlChar(s), CONTROL_CHAR_MESSAGE);
const tags = z.array(tag).max(LIMITS.tagsMax);
export const layout = z.record(z.string().max(255), z.object({ x: z.number().finite(), y: z.number().finite() }));

/** A new version of a template (also the git library's save, with its library id). */
export const saveVersionRequest = z.object({
  id,
  /** Defaults to the previous version's entry path. */
  entryPath: z.string().min(1).max(1024).optional(),
  yaml: z.string(),
  layout: layout.default({}),
  files: z.record(z.string().max(1024), z.string()).default({}),
  environment: z.string().nullable().default(null),
  note: z.string().max(LIMITS.descriptionMax).default(''),
  /** A git-bound library's commit message (default: the note); ignored by a plain library. */
  commitMessage: z.string().max(LIMITS.descriptionMax).optional(),
});

export const libraryChannels = {
  'library.list': channel(
    z.object({
      search: z.string().max(LIMITS.searchMax).optional(),
      tag: tag.optional(),
      status: z.enum(['usable', 'needs_editing']).optional(),
      resourceType: z.string().max(255).optional(),
      sort: z.enum(['updated', 'name']).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
  ).returns<TemplateSummary[]>(),

  /** Resource types used across the library, for the type filter. */
  'library.resourceTypes': channel(z.object({})).returns<string[]>(),

  'library.get': channel(z.object({ id })).returns<TemplateDetails>(),

  'library.getVersion': channel(z.object({ id, number: z.number().int().min(1) })).returns<TemplateVersion>(),

  /** Create a template; its first version is blank, a copy of another template, or given YAML. */
  'library.create': channel(
    z.object({
      name,
      description: z.string().max(LIMITS.descriptionMax).default(''),
      tags: tags.default([]),
      from: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('blank') }),
        z.object({ kind: z.literal('template'), templateId: id, version: z.number().int().min(1).optional() }),
        z.object({ kind: z.literal('yaml'), yaml: z.string(), layout: layout.optional() }),
      ]),
    }),
  ).returns<TemplateDetails>(),

  /** Rename, re-describe or re-tag: metadata only, no new version. */
  'library.update': channel(
    z.object({
      id,
      name: name.optional(),
      description: z.string().max(LIMITS.descriptionMax).optional(),
      tags: tags.optional(),
    }),
  ).returns<TemplateSummary>(),

  /** Save a new immutable version. */
  'library.saveVersion': channel(saveVersionRequest).returns<TemplateDetails>(),

  'library.delete': channel(z.object({ id })).returns<{ deleted: true }>(),
} as const;
