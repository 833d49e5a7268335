// The "sandbox" environment: a test cloud (like test/cloud) has Heat but no
// Nova, Neutron, Cinder, Glance, Swift, Octavia or Designate, so their
// resource types are ResourceTypeUnavailable. Mapping them to OS::Heat::None
// lets a real topology template deploy (every property accepted, every
// attribute null). The studio shows this environment by name and adds it
// only when deploying to a profile marked `sandbox`, never silently.

export const SANDBOX_ENVIRONMENT_NAME = 'heat-studio-sandbox.yaml';

export const SANDBOX_SERVICE_PATTERNS = [
  'OS::Nova::*',
  'OS::Neutron::*',
  'OS::Cinder::*',
  'OS::Glance::*',
  'OS::Swift::*',
  'OS::Octavia::*',
  'OS::Designate::*',
] as const;

export interface HeatEnvironment {
  parameters?: Record<string, unknown>;
  parameter_defaults?: Record<string, unknown>;
  resource_registry?: Record<string, unknown>;
  event_sinks?: unknown[];
  encrypted_param_names?: string[];
  parameter_merge_strategies?: Record<string, unknown>;
}

export function sandboxEnvironment(): HeatEnvironment {
  return {
    resource_registry: Object.fromEntries(SANDBOX_SERVICE_PATTERNS.map((p) => [p, 'OS::Heat::None'])),
  };
}

/** The same, as the YAML text shown to the user and sent in `files`. */
export function sandboxEnvironmentYaml(): string {
  const lines = [
    '# Heat Studio sandbox: this cloud has no compute/network/storage services,',
    '# so their resources become OS::Heat::None placeholders.',
    'resource_registry:',
    ...SANDBOX_SERVICE_PATTERNS.map((p) => `  "${p}": OS::Heat::None`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The name the request's own `environment` is sent under once it has to become a file. */
export const USER_ENVIRONMENT_NAME = 'heat-studio-environment.yaml';

/**
 * Adds the sandbox environment to a create/update request the way the heat
 * CLI adds an environment file: its text in `files` and its name first in
 * `environment_files`. Heat merges the files in order, so the user's own
 * environment files still override the sandbox mappings. Heat's API ignores
 * the request's `environment` as soon as `environment_files` is given
 * (InstantiationData.environment), so the request's own environment moves
 * into a file right after the sandbox one; left where it was, a version's
 * stored environment would silently not reach Heat.
 */
export function withSandboxEnvironment<
  T extends { files?: Record<string, string>; environment_files?: string[]; environment?: Record<string, unknown> | string },
>(request: T): T {
  const environment = request.environment;
  const own: Record<string, string> =
    environment === undefined ? {} : { [USER_ENVIRONMENT_NAME]: typeof environment === 'string' ? environment : JSON.stringify(environment) };
  const out: T = {
    ...request,
    files: { ...(request.files ?? {}), [SANDBOX_ENVIRONMENT_NAME]: sandboxEnvironmentYaml(), ...own },
    environment_files: [SANDBOX_ENVIRONMENT_NAME, ...Object.keys(own), ...(request.environment_files ?? [])],
  };
  delete out.environment;
  return out;
}
