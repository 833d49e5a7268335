// A cloud profile: where and as whom the studio talks to one OpenStack cloud.
// The secret (password, application credential secret or token) is never part
// of a profile value: it lives encrypted in main and `hasSecret` says whether
// one is stored. Field names follow openstacksdk's clouds.yaml `auth:` keys so
// imports map one to one.
import type { Message } from '../messages/message';

export const AUTH_KINDS = ['password', 'applicationCredential', 'token'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

export const INTERFACES = ['public', 'internal', 'admin'] as const;
export type EndpointInterface = (typeof INTERFACES)[number];

export interface ProfileFields {
  name: string;
  /** Keystone URL; `/v3` is discovered when missing (as keystoneauth does). */
  authUrl: string;
  /** Region of the orchestration endpoint; null = the only one the catalog offers. */
  region: string | null;
  interface: EndpointInterface;
  authKind: AuthKind;
  username: string | null;
  userId: string | null;
  userDomainName: string | null;
  userDomainId: string | null;
  projectName: string | null;
  projectId: string | null;
  projectDomainName: string | null;
  projectDomainId: string | null;
  applicationCredentialId: string | null;
  applicationCredentialName: string | null;
  /** PEM bundle path to trust for TLS (clouds.yaml `cacert`). */
  caBundlePath: string | null;
  /** Skip TLS verification (clouds.yaml `verify: false`). The UI warns. */
  insecure: boolean;
  /** clouds.yaml `orchestration_endpoint_override`: a Heat URL used instead of the catalog's. */
  endpointOverride: string | null;
  /**
   * A sandbox cloud lacks Nova/Neutron/Cinder/...: deploying adds the visible
   * sandbox environment (their types -> OS::Heat::None). Never added otherwise.
   */
  sandbox: boolean;
}

export interface CloudProfile extends ProfileFields {
  id: string;
  hasSecret: boolean;
  /** Where it came from: 'manual', 'clouds.yaml:<cloud>', 'openrc:<file>', 'env'. */
  source: string;
  createdAt: string;
  updatedAt: string;
}

/** A profile found by an import, with its secret kept in main until saved. */
export interface ImportCandidate {
  /** Opaque handle for `cloud.importSave`; the secret itself stays in main. */
  candidateId: string;
  fields: ProfileFields;
  hasSecret: boolean;
  source: string;
  warnings: string[];
  /** The same warnings as messages (shared/messages), worded in the reader's language. */
  warningMsgs?: Message[];
}

export function emptyProfileFields(name: string, authUrl: string): ProfileFields {
  return {
    name,
    authUrl,
    region: null,
    interface: 'public',
    authKind: 'password',
    username: null,
    userId: null,
    userDomainName: null,
    userDomainId: null,
    projectName: null,
    projectId: null,
    projectDomainName: null,
    projectDomainId: null,
    applicationCredentialId: null,
    applicationCredentialName: null,
    caBundlePath: null,
    insecure: false,
    endpointOverride: null,
    sandbox: false,
  };
}
