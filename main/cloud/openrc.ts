// Import from OS_* environment variables or an openrc file (what Horizon
// downloads and what `. openrc` exports for the openstack CLI). The file is
// parsed, never executed: only `[export] OS_X=value` lines count, with shell
// quoting and `$VAR` / `${VAR}` references to variables set earlier in it.
import { basename } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import { msg, type Message } from '../../shared/messages/message';
import { emptyProfileFields, type ProfileFields } from '../../shared/cloud/profile';
import { authKindOf, interfaceOf, warningsOf, type ImportedProfile } from './clouds-yaml';

export function parseOpenrc(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    const value = unquote(m[2]!, vars);
    if (value !== null) vars[m[1]!] = value;
  }
  return vars;
}

/** Shell word: '...' literal, "..." with $VAR, bare with $VAR; a trailing `# comment` is dropped. Null when it runs a command. */
function unquote(raw: string, vars: Record<string, string>): string | null {
  let s = raw.trim();
  if (/^\$\(|^`/.test(s)) return null;
  if (s.startsWith("'")) {
    const end = s.indexOf("'", 1);
    return end > 0 ? s.slice(1, end) : s.slice(1);
  }
  if (s.startsWith('"')) {
    const end = s.indexOf('"', 1);
    s = end > 0 ? s.slice(1, end) : s.slice(1);
  } else {
    s = s.replace(/\s+#.*$/, '').split(/\s+/)[0] ?? '';
  }
  return s.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string, b: string) => vars[a ?? b] ?? '');
}

export function importOpenrcText(text: string, path: string): ImportedProfile {
  const vars = parseOpenrc(text);
  if (!Object.keys(vars).some((k) => k.startsWith('OS_'))) {
    throw new AppError('IMPORT_FAILED', msg('cloud.import.notOpenrc', { path }), { path });
  }
  return importOsVariables(vars, `openrc:${basename(path)}`, basename(path).replace(/\.(sh|rc)$/, ''));
}

export function importEnvironment(env: NodeJS.ProcessEnv = process.env): ImportedProfile {
  const vars = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[0].startsWith('OS_') && typeof e[1] === 'string'));
  if (!vars.OS_AUTH_URL && !vars.OS_CLOUD) {
    throw new AppError('IMPORT_FAILED', msg('cloud.import.noEnvironment'));
  }
  return importOsVariables(vars, 'env', vars.OS_CLOUD ?? 'environment');
}

export function importOsVariables(v: Record<string, string>, source: string, defaultName: string): ImportedProfile {
  const warnings: Message[] = [];
  const get = (...keys: string[]) => {
    for (const k of keys) if (v[k]) return v[k]!;
    return null;
  };
  const kind = authKindOf(get('OS_AUTH_TYPE'), {
    appCred: !!get('OS_APPLICATION_CREDENTIAL_ID', 'OS_APPLICATION_CREDENTIAL_SECRET'),
    token: !!get('OS_TOKEN'),
  });
  if (!kind) warnings.push(msg('cloud.import.authType', { field: 'OS_AUTH_TYPE', value: String(get('OS_AUTH_TYPE')) }));
  const authUrl = get('OS_AUTH_URL');
  if (!authUrl) warnings.push(msg('cloud.import.noAuthUrl', { field: 'OS_AUTH_URL' }));
  if (get('OS_IDENTITY_API_VERSION') && !/^3/.test(get('OS_IDENTITY_API_VERSION')!)) {
    warnings.push(msg('cloud.import.identityVersion', { value: get('OS_IDENTITY_API_VERSION')! }));
  }
  const domainName = get('OS_DOMAIN_NAME', 'OS_DEFAULT_DOMAIN_NAME');
  const domainId = get('OS_DOMAIN_ID', 'OS_DEFAULT_DOMAIN_ID', 'OS_DEFAULT_DOMAIN');
  const fields: ProfileFields = {
    ...emptyProfileFields(get('OS_CLOUD') ?? defaultName, authUrl ?? ''),
    authKind: kind ?? 'password',
    region: get('OS_REGION_NAME'),
    interface: interfaceOf(get('OS_INTERFACE', 'OS_ENDPOINT_TYPE'), warnings),
    username: get('OS_USERNAME'),
    userId: get('OS_USER_ID'),
    userDomainName: get('OS_USER_DOMAIN_NAME') ?? domainName ?? ((get('OS_USER_DOMAIN_ID') ?? domainId) ? null : 'Default'),
    userDomainId: get('OS_USER_DOMAIN_ID') ?? domainId,
    projectName: get('OS_PROJECT_NAME', 'OS_TENANT_NAME'),
    projectId: get('OS_PROJECT_ID', 'OS_TENANT_ID'),
    projectDomainName: get('OS_PROJECT_DOMAIN_NAME') ?? domainName ?? ((get('OS_PROJECT_DOMAIN_ID') ?? domainId) ? null : 'Default'),
    projectDomainId: get('OS_PROJECT_DOMAIN_ID') ?? domainId,
    applicationCredentialId: get('OS_APPLICATION_CREDENTIAL_ID'),
    applicationCredentialName: get('OS_APPLICATION_CREDENTIAL_NAME'),
    caBundlePath: get('OS_CACERT'),
    insecure: /^(1|true|yes)$/i.test(get('OS_INSECURE') ?? ''),
    endpointOverride: get('OS_ORCHESTRATION_ENDPOINT_OVERRIDE', 'HEAT_URL'),
  };
  if (fields.insecure) warnings.push(msg('cloud.import.insecureOpenrc'));
  const secret = kind === 'applicationCredential' ? get('OS_APPLICATION_CREDENTIAL_SECRET') : kind === 'token' ? get('OS_TOKEN') : get('OS_PASSWORD');
  if (!secret) {
    // Horizon's openrc asks for the password at `source` time (read -sr OS_PASSWORD_INPUT).
    warnings.push(msg('cloud.import.noPasswordOpenrc'));
  }
  return { fields, secret, source, ...warningsOf(warnings) };
}
