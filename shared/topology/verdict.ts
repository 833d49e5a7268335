// A rule's answer: yes, or no with a reason code the UI translates (i18n
// editor.rules.*). Its own file so the connection table and the rules can
// both build verdicts without importing each other.

export type RefusalReason =
  | 'empty-canvas-roots'
  | 'router-needs-external'
  | 'server-needs-network'
  | 'needs-server'
  | 'needs-parent'
  | 'shared-only-servers'
  | 'external-only-routers'
  | 'router-only-networks'
  | 'server-only-volumes-fip'
  | 'one-floating-ip'
  | 'floating-ip-needs-route'
  | 'already-connected'
  | 'router-has-gateway'
  | 'same-node'
  | 'no-connection'
  | 'only-root-networks'
  | 'cfn-read-only'
  | 'existing-fixed'
  | 'existing-read-only'
  | 'existing-needs-version';

export type Verdict = { ok: true } | { ok: false; reason: RefusalReason; params?: Record<string, string> };

export const OK: Verdict = { ok: true };

export function no(reason: RefusalReason, params?: Record<string, string>): Verdict {
  return params ? { ok: false, reason, params } : { ok: false, reason };
}
