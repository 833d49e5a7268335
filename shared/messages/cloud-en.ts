// English text of what main/cloud tells a person (issue 16): profile,
// Keystone, catalog and import refusals and the import/connection warnings.
// Spread into the registry (shared/messages/en.ts); the Chinese is in
// cloud-zh-CN.ts. The English is the text these errors always had (tests and
// logs read it).
export const cloudMessagesEn = {
  // --- Keystone (main/cloud/keystone.ts)
  'cloud.auth.refused': 'Keystone refused {who}: {why}{scope}.',
  'cloud.auth.who.appCred': 'application credential {id}',
  'cloud.auth.who.token': 'the given token',
  'cloud.auth.who.user': 'user "{user}" in domain {domain}',
  'cloud.auth.why.token': 'it is expired or revoked, or has no role on the project',
  'cloud.auth.why.appCred': 'wrong id or secret, expired, or deleted',
  'cloud.auth.why.password': 'wrong password or user name, unknown or disabled user',
  'cloud.auth.scope': ', or no role on project "{project}" in domain {domain} (does it exist?)',
  'cloud.keystone.tokenShape': '{url} answered the token request, but not as Keystone v3 does (no X-Subject-Token or token body).',
  'cloud.keystone.notHttp': 'The auth URL "{url}" is not an http(s) URL.',
  'cloud.keystone.notIdentity': "{url} is not a Keystone identity endpoint: {seen}. Use the cloud's identity URL, e.g. https://keystone.example.com:5000/v3.",
  'cloud.keystone.noVersionList': 'it answered {status} without a version list',
  'cloud.keystone.versions': 'it offers API versions {ids}, none of them identity v3{looksLike}',
  'cloud.keystone.versionsNone': '(none)',
  'cloud.keystone.looksLikeOther': ' (this looks like Heat or another service)',
  'cloud.keystone.notTokenApi': "{url} is not Keystone v3's token API (it answered {status}). Check the auth URL.",
  'cloud.keystone.advertisedNotUrl': '{url} advertises identity v3 at "{advertised}", which is not a URL.',
  'cloud.keystone.advertisedElsewhere':
    "{url} advertises identity v3 at {origin}{downgrade}{otherHost}: the password is not sent there. If that really is your Keystone, put its v3 URL in the profile's auth URL.",
  'cloud.keystone.downgrade': ' (plain http, from https)',
  'cloud.keystone.otherHost': ' (another host than {host})',
  'cloud.profile.noUser': 'The profile needs a user name or user id.',
  'cloud.profile.noProject': 'The profile needs a project name or project id: Heat needs a project-scoped token.',
  'cloud.profile.noSecret': 'The profile has no {secret} stored.',
  'cloud.profile.noAppCred': 'The profile needs an application credential id (or name and user).',
  'cloud.secret.password': 'password',
  'cloud.secret.token': 'token',
  'cloud.secret.applicationCredential': 'application credential secret',

  // --- the service catalog (main/cloud/catalog.ts)
  'cloud.catalog.noService':
    "The cloud's service catalog has no {type} service (it offers: {offered}). Heat is not installed there, or this project cannot see it.",
  'cloud.catalog.nothing': 'nothing',
  'cloud.catalog.noRegion': 'The cloud has no {type} endpoint in region "{region}" (regions offering it: {regions}).',
  'cloud.catalog.none': 'none',
  'cloud.catalog.noInterface': 'The cloud has no {interface} {type} endpoint{inRegion} (interfaces offered: {interfaces}).',
  'cloud.catalog.inRegion': ' in region "{region}"',
  'cloud.catalog.severalRegions': 'Several regions offer {type} ({regions}): choose one in the profile.',

  // --- profiles (main/cloud/profile-service.ts, connection.ts, http.ts)
  'cloud.profile.notFound': 'No cloud profile {id}.',
  'cloud.profile.moved':
    'The profile "{name}" now points elsewhere ({fields} changed): enter its {secret} again. A stored secret is only ever sent to the Keystone it was entered for.',
  'cloud.field.authUrl': 'authUrl',
  'cloud.field.endpointOverride': 'endpointOverride',
  'cloud.field.caBundlePath': 'caBundlePath',
  'cloud.field.insecure': 'insecure',
  'cloud.profile.otherStore': 'The secret of this profile was stored by {stored}, but this mode uses {mode}: enter it again here.',
  'cloud.profile.nameEmpty': 'A profile needs a name.',
  'cloud.profile.nameControl': 'A profile name cannot contain control characters (found {found}); use plain text.',
  'cloud.profile.nameTaken': 'A cloud profile named "{name}" exists already.',
  'cloud.ca.unreadable': 'The CA bundle {path} cannot be read: {cause}',
  'cloud.ca.noPem': 'The CA bundle {path} holds no PEM certificate.',
  'cloud.http.badScheme': 'Unsupported URL scheme "{scheme}" in {url}',
  'cloud.warn.insecure': 'TLS verification is off for "{name}": anyone between you and the cloud can read your credentials.',
  'cloud.warn.plainHttp': 'The {what} of "{name}" is plain http ({url}): your password and tokens cross the network unencrypted. Use https.',
  'cloud.warn.what.authUrl': 'auth URL',
  'cloud.warn.what.endpointOverride': 'orchestration endpoint override',

  // --- imports (main/cloud/clouds-yaml.ts, openrc.ts, profile-service.ts)
  'cloud.import.notOpenrc': '{path} sets no OS_* variables: it is not an openrc file.',
  'cloud.import.noEnvironment': 'No OS_AUTH_URL in the environment: source an openrc file first, or import clouds.yaml.',
  'cloud.import.noCloudsYaml': 'No clouds.yaml found (looked in $OS_CLIENT_CONFIG_FILE, ./, ~/.config/openstack/ and /etc/openstack/).',
  'cloud.import.notYaml': '{path} is not valid YAML: {reason}',
  'cloud.import.notYamlAt': '{path} is not valid YAML at line {line}, column {column}: {reason}{excerpt}',
  'cloud.import.noCloudsMapping': '{path} has no "clouds:" mapping.',
  'cloud.import.unreadable': '{path} cannot be read: {cause}',
  'cloud.import.textNeeded': "Give the openrc file's text.",
  'cloud.import.contentsNotPath': "Imports take the file's contents, not a path: choose the file in the import dialog (or paste its text).",
  'cloud.import.gone': 'That import is no longer available: import again.',
  'cloud.import.vendorProfile': '"profile: {profile}" (a vendor profile) is not applied: check the auth URL and region.',
  'cloud.import.authType': '{field} "{value}" is not supported (password, token and application credentials are).',
  'cloud.import.noAuthUrl': 'No {field}: fill in the Keystone URL.',
  'cloud.import.identityVersion': 'OS_IDENTITY_API_VERSION={value}: only Keystone v3 is supported.',
  'cloud.import.insecureYaml': 'TLS verification is off for this cloud (verify: false).',
  'cloud.import.insecureOpenrc': 'TLS verification is off (OS_INSECURE).',
  'cloud.import.noSecretYaml': 'No {secret} in clouds.yaml or secure.yaml: enter it before connecting.',
  'cloud.import.noPasswordOpenrc': 'The password is not in the file (it is asked for when sourced): enter it before connecting.',
  'cloud.import.unknownInterface': 'Unknown interface "{value}": using public.',

  // --- Heat, Nova and the local sandbox (heat-client.ts, nova-flavors.ts, local-sandbox.ts)
  'cloud.heat.stackNeedsName': 'A stack needs a name.',
  'cloud.heat.lookupNoStack': 'Heat answered the lookup of "{name}" without a stack.',
  'cloud.answerWithoutList': '{service} answered {request} without a "{key}" list.',
  'cloud.nova.badFlavor': 'Nova listed a flavor without an id, vcpus or ram: {raw}',
  'cloud.sandbox.down':
    'The local sandbox cloud does not answer at {url} ({cause}). Start it on this machine (Debian or Ubuntu) from a Heat Studio checkout with `{command}`, then try again.',
} as const satisfies Record<string, string>;
