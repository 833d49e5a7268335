// What the agreement test needs besides the test itself: the corpus as a
// file source with one extra virtual environment, the types each template
// (and the nested templates it reaches) uses, the mapping of the ones this
// cloud cannot serve to OS::Heat::None, our offline verdict under that
// mapping, and Heat's verdict from POST /validate on the bundle heatclient
// would send.
import { buildBundle } from '../../../shared/hot/bundle';
import type { Diagnostic } from '../../../shared/hot/diagnostics';
import type { FileSource } from '../../../shared/hot/project';
import { validateProject } from '../../../shared/hot/project';
import { isTemplateFileType, resources } from '../../../shared/hot/template';
import { get, isMap, isString } from '../../../shared/hot/node';
import { SANDBOX_SERVICE_PATTERNS } from '../../../shared/cloud/sandbox-environment';
import type { HeatClient } from '../../../main/cloud/heat-client';
import { AppError } from '../../../shared/ipc/errors';

/** Services the test cloud lacks beyond the studio's sandbox list. */
export const MORE_SERVICE_PATTERNS = [
  'OS::Trove::*',
  'OS::Sahara::*',
  'OS::Magnum::*',
  'OS::Manila::*',
  'OS::Zaqar::*',
  'OS::Mistral::*',
  'OS::Aodh::*',
  'OS::Barbican::*',
  'OS::Senlin::*',
  'OS::Zun::*',
  'OS::Keystone::*',
  'OS::Blazar::*',
  'OS::Ironic::*',
  'OS::Vitrage::*',
  'OS::Monasca::*',
  'OS::Tacker::*',
] as const;

export const EXTRA_ENV = '.agreement/unavailable-types.yaml';

export const PLACEHOLDER = '# not in the corpus (it keeps only templates and environments)\n';

/**
 * The corpus plus virtual files (the extra environment, mutants). The corpus
 * keeps only YAML, so a get_file target it lacks (a script) reads as a
 * placeholder: heatclient would send the file's text, and neither Heat's
 * /validate nor our validator looks inside it. A missing nested template
 * stays missing (`missing` collects it): that project cannot be judged.
 */
export function overlay(base: FileSource, extra: Map<string, string>, missing?: Set<string>): FileSource {
  return {
    read: (p) => {
      const text = extra.get(p) ?? base.read(p);
      if (text !== undefined) return text;
      if (isTemplateFileType(p)) {
        missing?.add(p);
        return undefined;
      }
      return PLACEHOLDER;
    },
  };
}

/** Every resource type the project uses, after following nested templates. */
export function typesUsed(entry: string, envPaths: readonly string[], source: FileSource): Set<string> {
  const result = validateProject(entry, envPaths, source);
  const types = new Set<string>();
  for (const t of result.templates.values()) {
    for (const r of resources(t)) {
      if (r.type) types.add(r.type);
      const rdType = get(get(get(r.definition, 'properties'), 'resource_def'), 'type');
      if (isString(rdType)) types.add(rdType.value);
    }
  }
  for (const env of result.environment.files) {
    const rr = get(env.root ?? undefined, 'resource_registry');
    if (isMap(rr)) for (const p of rr.pairs) if (isString(p.value) && p.value.value.includes('::')) types.add(p.value.value);
  }
  return types;
}

/**
 * The environment that maps what this cloud cannot serve to OS::Heat::None:
 * every service namespace it lacks, and each other type it does not list
 * (custom OS::TripleO::* types, typos, removed types) by exact name. Types
 * Heat serves stay as they are, so Heat still checks their properties.
 */
export function unavailableTypesEnvironment(types: Iterable<string>, available: ReadonlySet<string>): string {
  const lines = ['resource_registry:'];
  for (const p of [...SANDBOX_SERVICE_PATTERNS, ...MORE_SERVICE_PATTERNS]) lines.push(`  "${p}": OS::Heat::None`);
  const patterns = [...SANDBOX_SERVICE_PATTERNS, ...MORE_SERVICE_PATTERNS].map((p) => p.slice(0, -1));
  for (const t of [...types].sort()) {
    if (available.has(t) || isTemplateFileType(t) || patterns.some((p) => t.startsWith(p))) continue;
    lines.push(`  ${JSON.stringify(t)}: OS::Heat::None`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Our verdict on one template as Heat's /validate sees it: no error located
 * in the template itself or its environments. Errors inside nested templates
 * are left out here because /validate never looks inside them (a
 * TemplateResource only checks its properties against the nested
 * parameters); each corpus template is also judged as an entry of its own.
 */
export function ourVerdict(entry: string, envPaths: readonly string[], source: FileSource): { valid: boolean; errors: Diagnostic[] } {
  const errors = validateProject(entry, envPaths, source).diagnostics.filter((d) => d.severity === 'error' && (d.file === entry || envPaths.includes(d.file)));
  return { valid: errors.length === 0, errors };
}

export interface HeatAnswer {
  valid: boolean;
  message?: string;
  /** Parameters without a default that Heat needed a value for (conditions). */
  supplied: string[];
}

const DUMMY: Record<string, unknown> = { string: 'x', number: 1, json: {}, comma_delimited_list: 'x', boolean: false };

/**
 * Heat's verdict: POST /validate on the body heatclient would build. Heat
 * evaluates conditions at /validate, so a parameter without a default that a
 * condition reads answers "The Parameter (X) was not provided"; a user would
 * pass -P X=..., so we pass a plain value of its type and ask again.
 * `preview` asks POST /stacks/preview instead, which validates strictly
 * (property values, required properties) as a create would.
 */
export async function heatVerdict(
  heat: HeatClient,
  entry: string,
  envPaths: readonly string[],
  source: FileSource,
  parameters: Record<string, unknown> = {},
  preview = false,
): Promise<HeatAnswer> {
  const { bundle, diagnostics } = buildBundle(entry, envPaths, source, { root: '.' });
  const supplied: string[] = [];
  if (!bundle || diagnostics.some((d) => d.severity === 'error'))
    return { valid: false, message: `not bundled: ${diagnostics.map((d) => d.message).join('; ')}`, supplied };
  const params = { ...parameters };
  const declared = (bundle.template as { parameters?: Record<string, { type?: string }> }).parameters ?? {};
  for (let attempt = 0; ; attempt++) {
    try {
      // With environment_files Heat ignores the merged `environment` (as
      // heatclient expects) and takes values from top-level `parameters`.
      const body = {
        template: bundle.template as Record<string, unknown>,
        files: bundle.files,
        environment: bundle.environment,
        parameters: params,
        ...(bundle.environment_files ? { environment_files: bundle.environment_files } : {}),
      };
      if (preview) await heat.previewCreate({ ...body, stack_name: 'agreement-preview' });
      else await heat.validate(body);
      return { valid: true, supplied };
    } catch (err) {
      if (!(err instanceof AppError) || (err.details as { status?: number } | undefined)?.status !== 400) throw err;
      const missing = /The Parameter \((.+?)\) was not provided/.exec(err.message)?.[1];
      const type = missing ? declared[missing]?.type : undefined;
      if (missing && type && attempt < 20 && !(missing in params)) {
        params[missing] = DUMMY[type] ?? 'x';
        supplied.push(missing);
        continue;
      }
      return { valid: false, message: err.message, supplied };
    }
  }
}

/** Runs `work` over `items` with at most `n` in flight, keeping the order of results. */
export async function pool<T, R>(items: readonly T[], n: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i] as T);
      }
    }),
  );
  return out;
}
