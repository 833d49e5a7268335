// A stored secret belongs to the Keystone (and Heat override) it was entered
// for, as reached with the TLS settings it was entered with. Re-pointing a
// profile elsewhere while keeping the secret would hand the password (or the
// token it buys) to whoever answers at the new address, so changing any of
// these needs the secret typed again (main refuses otherwise; the form asks).
import type { ProfileFields } from './profile';

/** The fields a secret is bound to, as the names the UI shows. */
export const SECRET_BINDING = ['authUrl', 'endpointOverride', 'caBundlePath', 'insecure'] as const;

/** Which of the binding fields differ between `before` and `after` (URLs compared by origin: a path change stays with the same server). */
export function secretTargetChanges(before: ProfileFields, after: ProfileFields): (typeof SECRET_BINDING)[number][] {
  const changed: (typeof SECRET_BINDING)[number][] = [];
  if (origin(before.authUrl) !== origin(after.authUrl)) changed.push('authUrl');
  if (origin(before.endpointOverride) !== origin(after.endpointOverride)) changed.push('endpointOverride');
  if ((before.caBundlePath ?? '') !== (after.caBundlePath ?? '')) changed.push('caBundlePath');
  if (before.insecure !== after.insecure) changed.push('insecure');
  return changed;
}

/**
 * scheme://host:port in lower case, the default port left out; an unparsable
 * value compares as written. (A regex: shared/ has no URL global in its types.)
 */
function origin(url: string | null): string {
  const text = (url ?? '').trim();
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(text);
  if (!m) return text;
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase().replace(scheme === 'https' ? /:443$/ : scheme === 'http' ? /:80$/ : /$^/, '');
  return `${scheme}://${host}`;
}
