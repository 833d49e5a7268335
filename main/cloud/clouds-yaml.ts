// Import from openstacksdk's clouds.yaml (+ secure.yaml), so a user already
// set up for the openstack CLI retypes nothing. Locations and precedence as
// openstacksdk: $OS_CLIENT_CONFIG_FILE, ./clouds.yaml, ~/.config/openstack/
// (XDG), /etc/openstack; the first file found is used, and secure.yaml
// (found the same way, $OS_CLIENT_SECURE_FILE first) is merged into it by
// cloud name.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../../shared/ipc/errors';
import { englishText, msg, type Message } from '../../shared/messages/message';
import { secretWord } from './keystone';
import { emptyProfileFields, type AuthKind, type EndpointInterface, type ProfileFields } from '../../shared/cloud/profile';

export interface ImportedProfile {
  fields: ProfileFields;
  /** Stays in main: handed to the secret store, never to the renderer. */
  secret: string | null;
  source: string;
  /** In English (logs, older readers); `warningMsgs` holds the same as messages, worded in the reader's language. */
  warnings: string[];
  warningMsgs: Message[];
}

export interface ConfigLocations {
  cwd: string;
  home: string;
  env: NodeJS.ProcessEnv;
}

function configDirs(loc: ConfigLocations): string[] {
  const xdg = loc.env.XDG_CONFIG_HOME ?? join(loc.home, '.config');
  return [loc.cwd, join(xdg, 'openstack'), '/etc/openstack'];
}

export function findConfigFiles(loc: ConfigLocations = { cwd: process.cwd(), home: homedir(), env: process.env }): {
  clouds: string | null;
  secure: string | null;
} {
  const first = (explicit: string | undefined, name: string) => {
    const candidates = [...(explicit ? [explicit] : []), ...configDirs(loc).flatMap((d) => [join(d, `${name}.yaml`), join(d, `${name}.yml`)])];
    return candidates.find((p) => existsSync(p)) ?? null;
  };
  return { clouds: first(loc.env.OS_CLIENT_CONFIG_FILE, 'clouds'), secure: first(loc.env.OS_CLIENT_SECURE_FILE, 'secure') };
}

/** Reads the files openstacksdk would read and returns one profile per cloud (and per region). */
export function importCloudsYamlFiles(loc?: ConfigLocations): ImportedProfile[] {
  const files = findConfigFiles(loc);
  if (!files.clouds) {
    throw new AppError('IMPORT_FAILED', msg('cloud.import.noCloudsYaml'));
  }
  return importCloudsYaml(read(files.clouds), files.secure ? read(files.secure) : null, files.clouds);
}

export function importCloudsYaml(cloudsText: string, secureText: string | null, sourcePath = 'clouds.yaml'): ImportedProfile[] {
  const clouds = cloudsOf(cloudsText, sourcePath);
  const secure = secureText ? cloudsOf(secureText, 'secure.yaml') : {};
  const out: ImportedProfile[] = [];
  for (const [name, raw] of Object.entries(clouds)) {
    const merged = deepMerge(asObject(raw), asObject(secure[name]));
    out.push(...fromCloudEntry(name, merged, `clouds.yaml:${name}`));
  }
  return out;
}

function fromCloudEntry(name: string, cloud: Record<string, unknown>, source: string): ImportedProfile[] {
  const warnings: Message[] = [];
  const auth = asObject(cloud.auth);
  const s = (key: string): string | null => {
    const v = auth[key] ?? cloud[key];
    return typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null;
  };
  if (cloud.profile) warnings.push(msg('cloud.import.vendorProfile', { profile: String(cloud.profile) }));
  const authType = typeof cloud.auth_type === 'string' ? cloud.auth_type : null;
  const kind = authKindOf(authType, { appCred: !!s('application_credential_id') || !!s('application_credential_secret'), token: !!s('token') });
  if (!kind) {
    warnings.push(msg('cloud.import.authType', { field: 'auth_type', value: String(authType) }));
  }
  const authUrl = s('auth_url');
  if (!authUrl) warnings.push(msg('cloud.import.noAuthUrl', { field: 'auth_url' }));
  const fields: ProfileFields = {
    ...emptyProfileFields(name, authUrl ?? ''),
    authKind: kind ?? 'password',
    username: s('username'),
    userId: s('user_id'),
    ...domains(s),
    projectName: s('project_name') ?? s('tenant_name'),
    projectId: s('project_id') ?? s('tenant_id'),
    applicationCredentialId: s('application_credential_id'),
    applicationCredentialName: s('application_credential_name'),
    interface: interfaceOf(s('interface') ?? s('endpoint_type'), warnings),
    caBundlePath: s('cacert'),
    insecure: cloud.verify === false || cloud.insecure === true || cloud.verify === 'false',
    endpointOverride: s('orchestration_endpoint_override'),
  };
  if (typeof cloud.verify === 'string' && cloud.verify !== 'false' && cloud.verify !== 'true') fields.caBundlePath = cloud.verify;
  if (fields.insecure) warnings.push(msg('cloud.import.insecureYaml'));
  const secret = kind === 'applicationCredential' ? s('application_credential_secret') : kind === 'token' ? s('token') : s('password');
  if (!secret) warnings.push(msg('cloud.import.noSecretYaml', { secret: secretWord(kind ?? 'password') }));

  const regions = regionsOf(cloud);
  if (regions.length <= 1) {
    return [{ fields: { ...fields, region: regions[0] ?? null }, secret, source, ...warningsOf(warnings) }];
  }
  // openstacksdk lets one cloud list several regions; a profile has one.
  return regions.map((region) => ({ fields: { ...fields, name: `${name} (${region})`, region }, secret, source, ...warningsOf(warnings) }));
}

/** The warnings in English and as messages (ImportedProfile). */
export function warningsOf(messages: readonly Message[]): Pick<ImportedProfile, 'warnings' | 'warningMsgs'> {
  return { warnings: messages.map(englishText), warningMsgs: [...messages] };
}

/** openstacksdk: user/project domain, else domain_*, else default_domain, else "Default" by name. */
function domains(s: (key: string) => string | null): Pick<ProfileFields, 'userDomainName' | 'userDomainId' | 'projectDomainName' | 'projectDomainId'> {
  const userDomainId = s('user_domain_id') ?? s('domain_id') ?? s('default_domain');
  const projectDomainId = s('project_domain_id') ?? s('domain_id') ?? s('default_domain');
  const userDomainName = s('user_domain_name') ?? s('domain_name');
  const projectDomainName = s('project_domain_name') ?? s('domain_name');
  return {
    userDomainName: userDomainName ?? (userDomainId ? null : 'Default'),
    userDomainId: userDomainName ? null : userDomainId,
    projectDomainName: projectDomainName ?? (projectDomainId ? null : 'Default'),
    projectDomainId: projectDomainName ? null : projectDomainId,
  };
}

export function authKindOf(authType: string | null, has: { appCred: boolean; token: boolean }): AuthKind | null {
  if (!authType) return has.appCred ? 'applicationCredential' : has.token ? 'token' : 'password';
  const t = authType.toLowerCase().replace(/[_-]/g, '');
  if (t === 'password' || t === 'v3password') return 'password';
  if (t === 'applicationcredential' || t === 'v3applicationcredential') return 'applicationCredential';
  if (t === 'token' || t === 'v3token') return 'token';
  return null;
}

export function interfaceOf(value: string | null, warnings: Message[]): EndpointInterface {
  if (!value) return 'public';
  const v = value.toLowerCase().replace(/url$/, '');
  if (v === 'public' || v === 'internal' || v === 'admin') return v;
  warnings.push(msg('cloud.import.unknownInterface', { value }));
  return 'public';
}

function regionsOf(cloud: Record<string, unknown>): string[] {
  if (typeof cloud.region_name === 'string' && cloud.region_name) return [cloud.region_name];
  if (Array.isArray(cloud.regions)) {
    return cloud.regions
      .map((r) => (typeof r === 'string' ? r : typeof (r as { name?: unknown })?.name === 'string' ? (r as { name: string }).name : null))
      .filter((r): r is string => !!r);
  }
  return [];
}

function cloudsOf(text: string, path: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new AppError('IMPORT_FAILED', yamlErrorMessage(path, text, err), { path });
  }
  const clouds = (doc as { clouds?: unknown } | null)?.clouds;
  if (!clouds || typeof clouds !== 'object' || Array.isArray(clouds)) {
    throw new AppError('IMPORT_FAILED', msg('cloud.import.noCloudsMapping', { path }), { path });
  }
  return clouds as Record<string, unknown>;
}

/**
 * The YAML library's message ends in an excerpt of the file (the lines before
 * the error too): clouds.yaml holds passwords, so say where and why, and
 * quote at most the offending line itself.
 */
export function yamlErrorMessage(path: string, text: string, err: unknown): Message {
  const e = err as { message?: string; linePos?: { line: number; col: number }[] };
  const reason = String(e.message ?? err)
    .split(/ at line \d+|:\n/)[0]!
    .slice(0, 200);
  const at = e.linePos?.[0];
  if (!at) return msg('cloud.import.notYaml', { path, reason });
  const line = (text.split(/\r?\n/)[at.line - 1] ?? '').slice(0, 200);
  return msg('cloud.import.notYamlAt', { path, line: String(at.line), column: String(at.col), reason, excerpt: line.trim() ? `\n  ${line}` : '' });
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError('IMPORT_FAILED', msg('cloud.import.unreadable', { path, cause: (err as Error).message }), { path });
  }
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      prev && typeof prev === 'object' && !Array.isArray(prev) && v && typeof v === 'object' && !Array.isArray(v)
        ? deepMerge(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}
