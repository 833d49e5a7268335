// Heat (Orchestration API v1) as the studio needs it. Every call gets the
// endpoint and token from the Keystone session at call time (so a catalog or
// token change is picked up), sends `Accept: application/json` (without it
// Heat answers 202s in HTML), and on a 401 re-authenticates once and retries:
// a 401 means Heat applied nothing, so even a POST may be repeated.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type {
  HeatEvent,
  HeatResource,
  ResourceChanges,
  StackDetails,
  StackOutput,
  StackRef,
  StackSummary,
  ValidateResult,
} from '../../shared/cloud/heat-types';
import { parseJson } from './cloud-errors';
import { requestWithReauth } from './request-with-reauth';
import type { HttpClient, HttpResponse } from './http';
import type { KeystoneSession } from './keystone';

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** The body Heat's create, update and validate take (SPEC section 3). */
export interface StackBody {
  stack_name?: string;
  template?: string | Record<string, unknown>;
  template_url?: string;
  files?: Record<string, string>;
  environment?: Record<string, unknown> | string;
  environment_files?: string[];
  parameters?: Record<string, unknown>;
  disable_rollback?: boolean;
  tags?: string | string[];
  timeout_mins?: number;
  existing?: boolean;
  clear_parameters?: string[];
  converge?: boolean;
}

export interface StackListQuery {
  id?: string;
  status?: string | string[];
  name?: string | string[];
  action?: string | string[];
  tenant?: string;
  username?: string;
  owner_id?: string;
  limit?: number;
  marker?: string;
  sort_keys?: string | string[];
  sort_dir?: 'asc' | 'desc';
  show_deleted?: boolean;
  show_nested?: boolean;
  show_hidden?: boolean;
  tags?: string;
  tags_any?: string;
  not_tags?: string;
  not_tags_any?: string;
  global_tenant?: boolean;
  with_count?: boolean;
}

export interface EventQuery {
  limit?: number;
  marker?: string;
  sort_dir?: 'asc' | 'desc';
  sort_keys?: 'event_time' | 'resource_type';
  nested_depth?: number;
  resource_name?: string | string[];
  /** The status half only: COMPLETE, FAILED, IN_PROGRESS (Heat matches nothing else). */
  resource_status?: string | string[];
  resource_action?: string | string[];
  resource_type?: string | string[];
}

export interface ResourceQuery {
  nested_depth?: number;
  with_detail?: boolean;
  type?: string | string[];
  name?: string | string[];
  status?: string | string[];
  action?: string | string[];
  id?: string;
  physical_resource_id?: string;
}

export interface HeatClientOptions {
  region: string | null;
  interface: string;
  /** A fixed Heat URL (clouds.yaml orchestration_endpoint_override); `%(tenant_id)s` is filled in. */
  endpointOverride?: string | null;
}

interface CallOptions {
  query?: Query;
  body?: unknown;
  idempotent?: boolean;
  /** Statuses returned to the caller instead of thrown (e.g. 302 for a name lookup). */
  accept?: number[];
}

export class HeatClient {
  constructor(
    private readonly http: HttpClient,
    private readonly session: KeystoneSession,
    private readonly options: HeatClientOptions,
  ) {}

  /** The Heat base URL for this profile's region and interface. */
  async endpoint(): Promise<string> {
    return (await this.resolve()).url;
  }

  /** resourceValidate asks for each resource plugin's own checks (seed 9.3); whether Heat honours it is probed, see resource-validate-probe.ts. */
  async validate(body: StackBody, opts: { showNested?: boolean; ignoreErrors?: string; resourceValidate?: boolean } = {}): Promise<ValidateResult> {
    return this.json('POST', '/validate', {
      body,
      query: { show_nested: opts.showNested, ignore_errors: opts.ignoreErrors, ...(opts.resourceValidate ? { resource_validate: true } : {}) },
    });
  }

  async previewCreate(body: StackBody): Promise<{ stack: Record<string, unknown> }> {
    return this.json('POST', '/stacks/preview', { body: wire(body) });
  }

  async create(body: StackBody): Promise<StackRef & { links: unknown[] }> {
    if (!body.stack_name) throw new AppError('BAD_REQUEST', msg('cloud.heat.stackNeedsName'));
    const r = await this.json<{ stack: { id: string; links: unknown[] } }>('POST', '/stacks', { body: wire(body) });
    return { name: body.stack_name, id: r.stack.id, links: r.stack.links ?? [] };
  }

  async list(query: StackListQuery = {}): Promise<{ stacks: StackSummary[]; count?: number }> {
    return this.json('GET', '/stacks', { query: query as Query });
  }

  /** Every page of a list, following limit + marker. */
  async listAll(query: Omit<StackListQuery, 'marker'> = {}, pageSize = 100): Promise<StackSummary[]> {
    const out: StackSummary[] = [];
    let marker: string | undefined;
    for (;;) {
      const page = await this.list({ ...query, limit: pageSize, ...(marker ? { marker } : {}) });
      out.push(...page.stacks);
      if (page.stacks.length < pageSize) return out;
      marker = page.stacks.at(-1)!.id;
    }
  }

  /** Name (or id) -> name + id, through Heat's 302 on `/stacks/{name}`. */
  async find(nameOrId: string): Promise<StackRef> {
    const res = await this.call('GET', `/stacks/${enc(nameOrId)}`, { accept: [302, 301, 200] });
    const location = res.headers.location;
    if ((res.status === 302 || res.status === 301) && location) {
      const parts = new URL(location, res.url).pathname.split('/').filter(Boolean);
      const id = parts.at(-1);
      const name = parts.at(-2);
      if (id && name) return { name: decodeURIComponent(name), id };
    }
    const stack = parseJson<{ stack?: StackDetails }>(res, 'a stack').stack;
    if (!stack) throw new AppError('BAD_RESPONSE', msg('cloud.heat.lookupNoStack', { name: nameOrId }));
    return { name: stack.stack_name, id: stack.id };
  }

  async show(ref: StackRef, opts: { resolveOutputs?: boolean } = {}): Promise<StackDetails> {
    const r = await this.json<{ stack: StackDetails }>('GET', stackPath(ref), { query: { resolve_outputs: opts.resolveOutputs } });
    return r.stack;
  }

  async outputs(ref: StackRef): Promise<StackOutput[]> {
    return (await this.json<{ outputs: StackOutput[] }>('GET', `${stackPath(ref)}/outputs`)).outputs;
  }

  async output(ref: StackRef, key: string): Promise<StackOutput> {
    return (await this.json<{ output: StackOutput }>('GET', `${stackPath(ref)}/outputs/${enc(key)}`)).output;
  }

  async template(ref: StackRef): Promise<Record<string, unknown>> {
    return this.json('GET', `${stackPath(ref)}/template`);
  }

  async environment(ref: StackRef): Promise<Record<string, unknown>> {
    return this.json('GET', `${stackPath(ref)}/environment`);
  }

  async files(ref: StackRef): Promise<Record<string, string>> {
    return this.json('GET', `${stackPath(ref)}/files`);
  }

  async resources(ref: StackRef, query: ResourceQuery = {}): Promise<HeatResource[]> {
    return (await this.json<{ resources: HeatResource[] }>('GET', `${stackPath(ref)}/resources`, { query: query as Query })).resources;
  }

  async resource(ref: StackRef, name: string): Promise<HeatResource> {
    return (await this.json<{ resource: HeatResource }>('GET', `${stackPath(ref)}/resources/${enc(name)}`)).resource;
  }

  async events(ref: StackRef, query: EventQuery = {}): Promise<HeatEvent[]> {
    return (await this.json<{ events: HeatEvent[] }>('GET', `${stackPath(ref)}/events`, { query: query as Query })).events;
  }

  async resourceEvents(ref: StackRef, resourceName: string, query: EventQuery = {}): Promise<HeatEvent[]> {
    const path = `${stackPath(ref)}/resources/${enc(resourceName)}/events`;
    return (await this.json<{ events: HeatEvent[] }>('GET', path, { query: query as Query })).events;
  }

  /** PUT: a full update (template and everything). */
  async update(ref: StackRef, body: StackBody): Promise<void> {
    await this.call('PUT', stackPath(ref), { body: wire(body), idempotent: false });
  }

  /** PATCH: an update of the existing stack (only what is given changes). */
  async patch(ref: StackRef, body: StackBody): Promise<void> {
    await this.call('PATCH', stackPath(ref), { body: wire(body), idempotent: false });
  }

  async previewUpdate(ref: StackRef, body: StackBody, opts: { showNested?: boolean; patch?: boolean } = {}): Promise<ResourceChanges> {
    const r = await this.json<{ resource_changes: ResourceChanges }>(opts.patch ? 'PATCH' : 'PUT', `${stackPath(ref)}/preview`, {
      body: wire(body),
      query: { show_nested: opts.showNested },
      // A preview changes nothing.
      idempotent: true,
    });
    return r.resource_changes;
  }

  async cancelUpdate(ref: StackRef, opts: { withoutRollback?: boolean } = {}): Promise<void> {
    await this.action(ref, opts.withoutRollback ? 'cancel_without_rollback' : 'cancel_update');
  }

  async check(ref: StackRef): Promise<void> {
    await this.action(ref, 'check');
  }

  async suspend(ref: StackRef): Promise<void> {
    await this.action(ref, 'suspend');
  }

  async resume(ref: StackRef): Promise<void> {
    await this.action(ref, 'resume');
  }

  async delete(ref: StackRef): Promise<void> {
    await this.call('DELETE', stackPath(ref));
  }

  async signal(ref: StackRef, resourceName: string, data: unknown = null): Promise<void> {
    await this.call('POST', `${stackPath(ref)}/resources/${enc(resourceName)}/signal`, { body: data ?? {}, idempotent: false });
  }

  async resourceTypes(query: { name?: string; version?: string; support_status?: string; with_description?: boolean } = {}): Promise<unknown[]> {
    return (await this.json<{ resource_types: unknown[] }>('GET', '/resource_types', { query })).resource_types;
  }

  async resourceTypeSchema(type: string): Promise<Record<string, unknown>> {
    return this.json('GET', `/resource_types/${enc(type)}`);
  }

  async templateVersions(): Promise<{ version: string; type: string; aliases?: string[] }[]> {
    return (await this.json<{ template_versions: { version: string; type: string }[] }>('GET', '/template_versions')).template_versions;
  }

  async templateFunctions(version: string, opts: { withCondition?: boolean } = {}): Promise<{ functions: string; description: string }[]> {
    const path = `/template_versions/${enc(version)}/functions`;
    return (
      await this.json<{ template_functions: { functions: string; description: string }[] }>('GET', path, {
        query: { with_condition_func: opts.withCondition },
      })
    ).template_functions;
  }

  private async action(ref: StackRef, name: string): Promise<void> {
    await this.call('POST', `${stackPath(ref)}/actions`, { body: { [name]: null }, idempotent: false });
  }

  private async json<T>(method: string, path: string, opts: CallOptions = {}): Promise<T> {
    const res = await this.call(method, path, opts);
    return parseJson<T>(res, 'JSON');
  }

  private async resolve(): Promise<{ url: string; token: Awaited<ReturnType<KeystoneSession['token']>> }> {
    if (this.options.endpointOverride) {
      const token = await this.session.token();
      const url = this.options.endpointOverride.replace(/%\((tenant_id|project_id)\)s/g, token.project?.id ?? '').replace(/\/+$/, '');
      return { url, token };
    }
    return this.session.endpoint('orchestration', this.options.region, this.options.interface);
  }

  async call(method: string, path: string, opts: CallOptions = {}): Promise<HttpResponse> {
    return requestWithReauth(
      this.http,
      this.session,
      async () => {
        const { url, token } = await this.resolve();
        const headers: Record<string, string> = { 'X-Auth-Token': token.value, Accept: 'application/json' };
        let body: string | undefined;
        if (opts.body !== undefined) {
          headers['Content-Type'] = 'application/json';
          body = JSON.stringify(opts.body);
        }
        const request = {
          method,
          url: `${url}${path}${queryString(opts.query)}`,
          headers,
          ...(body !== undefined ? { body } : {}),
          ...(opts.idempotent !== undefined ? { idempotent: opts.idempotent } : {}),
          service: 'Heat',
        };
        return { token, request };
      },
      opts.accept,
    );
  }
}

/** Heat takes tags as one comma-separated string; a list is friendlier to build. */
function wire(body: StackBody): StackBody {
  return Array.isArray(body.tags) ? { ...body, tags: body.tags.join(',') } : body;
}

export function stackPath(ref: StackRef): string {
  return `/stacks/${enc(ref.name)}/${enc(ref.id)}`;
}

function enc(part: string): string {
  return encodeURIComponent(part);
}

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
