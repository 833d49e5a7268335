// English text of what main/deploy, main/existing, main/stacksets and
// main/quota tell a person (issue 16). Spread into the registry
// (shared/messages/en.ts); the Chinese is in services-zh-CN.ts. The English is
// the text these errors always had (tests and logs read it).
export const servicesMessagesEn = {
  // --- deploy (main/deploy/deploy-service.ts)
  'deploy.bundleDiagnostic': '{file}:{line}: {text}',
  'deploy.cannotBundle': 'The template cannot be bundled.',

  // --- existing resources and key pairs (main/existing)
  'existing.keyPairName': "\"{name}\" cannot be a key pair name: letters, digits, '_', '.', '-' (starting with a letter or digit), at most 255.",
  'existing.key.private':
    'This is a private key: paste the public key (the one line in the .pub file, starting with ssh-ed25519 or ssh-rsa). A private key never leaves your machine.',
  'existing.key.lines': 'A public key is one line (the .pub file); this text has {n} lines.',
  'existing.key.type': '"{type}" is not an OpenSSH public key type (expected one of {types}).',
  'existing.key.notBase64': 'The key data after "{type}" is not base64.',
  'existing.key.mismatch': 'The key data does not hold a {type} key (it says "{inner}"): the line may be cut or mixed up.',
  'existing.key.noKeyPair': 'Nova answered POST /os-keypairs without the key pair.',

  // --- stack sets (main/stacksets); the seed's field and action names stay as it spells them
  'stackset.versionMissing': 'Template version {id} is not in the library.',
  'stackset.stillHasInstances': 'Stack set "{name}" still has stack instances: delete them first.',
  'stackset.operationRunning': 'Stack set "{name}" has an operation in progress.',
  'stackset.retainOnlyDelete': 'retain_stacks only applies to DELETE_STACK_INSTANCES, not {action}.',
  'stackset.operationNotFound': 'No stack set operation {id}.',
  'stackset.noProjectToken': 'Cloud profile "{name}" has no project-scoped token: a stack set needs a project.',
  'stackset.noHeatInRegion': 'Project {project} (profile "{profile}") has no Heat endpoint in region "{region}".',
  'stackset.noProfileReaches': 'No cloud profile joined to this stack set reaches project {project}.',
  /** A cloud refusal in the seed's error shape (main/stacksets/seed-errors.ts): what was done, where, the cloud's error. */
  'stackset.cloudRefused': '{action}{where}: {cause}',
  'stackset.cloudWhere': ' ({parts})',
  'stackset.where.profile': 'profile "{name}"',
  'stackset.where.project': 'project {id}',
  'stackset.where.region': 'region "{region}"',
  'stackset.action.authenticate': 'authenticate',
  'stackset.action.preview': 'preview {action}',

  // --- quota (main/quota)
  'quota.noProject': 'The token has no project: quotas are per project.',
  'quota.refused': 'Over quota: {kinds} (used + {added} / limit){when}. {consequence}',
  'quota.added.deploy': 'this template',
  'quota.added.update': 'what the update adds',
  'quota.staleWhen': ' (last known quota, read {at})',
  'quota.readEarlier': 'earlier',
  'quota.consequence.deploy': 'Deploying is blocked; the template can still be saved.',
  'quota.consequence.update': 'Updating is blocked; the stack stays as it is.',
  'quota.forbidden': '{service} answered 403 to {tried}.',
  'quota.tried.nova': 'os-quota-sets/{project}/detail and /limits',
  'quota.tried.neutron': 'quotas/{project}/details, quotas/{project} and the resource lists',
  'quota.tried.cinder': 'os-quota-sets/{project}?usage=true and /limits',
} as const satisfies Record<string, string>;
