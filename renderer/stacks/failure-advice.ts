// What to change after a common failure, read from the failed resource's
// status reason. Heat puts the service's own words in it, behind its own
// prefix ("BadRequest: resources.port: ..."), so the patterns below are the
// services' message formats (Nova, Neutron, Cinder, Heat's client plugins
// and engine), not Heat's wrapper. The value the reason names (the IP, the
// flavor, the key pair) is kept so the suggestion can name it too.
import type { FailureStep } from './diagnosis';

export type AdviceKind =
  | 'quota'
  | 'ip-outside-subnet'
  | 'ip-exhausted'
  | 'image-not-found'
  | 'flavor-not-found'
  | 'keypair-not-found'
  | 'no-valid-host'
  | 'volume-in-use'
  | 'delete-blocked'
  | 'timeout';

export interface FailureAdvice {
  kind: AdviceKind;
  /** What the reason names, for the suggestion's {value} (empty when it names nothing). */
  value: string;
}

interface Rule {
  kind: AdviceKind;
  pattern: RegExp;
}

// Order matters: the more specific messages first (a Neutron "in use" on
// delete is a blocker, not a volume; an image lookup is not a flavor's).
const RULES: Rule[] = [
  // Nova TooManyInstances / OverQuota, Neutron and Cinder OverQuota, Cinder VolumeLimitExceeded.
  { kind: 'quota', pattern: /Quota exceeded for (?:resources: )?\[?'?([\w-]+)/i },
  { kind: 'quota', pattern: /Maximum number of (\w+) allowed/i },
  // Neutron InvalidIpForSubnet / InvalidIpForNetwork, ipam's InvalidIpForSubnet.
  { kind: 'ip-outside-subnet', pattern: /IP address (\S+) is not a valid IP for (?:the specified subnet|any of the subnets)/i },
  { kind: 'ip-outside-subnet', pattern: /IP address (\S+) does not belong to subnet/i },
  { kind: 'ip-exhausted', pattern: /No more IP addresses available(?: for subnet (\S+?)\.?(?:\s|$))?/i },
  // Heat's glance plugin (EntityMatchNotFound on images) and Nova's ImageNotFound.
  { kind: 'image-not-found', pattern: /No images? (?:unique match found for|matching) \{'name': '([^']*)'\}/i },
  { kind: 'image-not-found', pattern: /Image (\S+) could not be found/i },
  { kind: 'image-not-found', pattern: /The Image \(([^)]*)\) could not be found/i },
  // novaclient's find (No Flavor matching ...), Nova FlavorNotFound / FlavorNotFoundByName.
  { kind: 'flavor-not-found', pattern: /No Flavor (?:unique match found for|matching) \{'name': '([^']*)'\}/i },
  { kind: 'flavor-not-found', pattern: /Flavor (?:with name )?(\S+) could not be found/i },
  { kind: 'flavor-not-found', pattern: /The Flavor \(([^)]*)\) could not be found/i },
  // Heat's nova plugin (EntityNotFound entity='Key'), Nova KeypairNotFound.
  { kind: 'keypair-not-found', pattern: /The Key \(([^)]*)\) could not be found/i },
  { kind: 'keypair-not-found', pattern: /Keypair (\S+) not found/i },
  // Nova NoValidHost, through Heat's ResourceInError ("Went to status ERROR due to ...").
  { kind: 'no-valid-host', pattern: /No valid host was found/i },
  // Neutron NetworkInUse / SubnetHasAllocations / RouterInUse, anything still holding a resource being deleted.
  { kind: 'delete-blocked', pattern: /Unable to complete operation on (?:network|subnet) (\S+?)[.:]/i },
  { kind: 'delete-blocked', pattern: /Router (\S+) (?:still has ports|still has|has dependent)/i },
  { kind: 'delete-blocked', pattern: /still in use/i },
  // Cinder VolumeAttached and its reserve / delete checks on an attached volume.
  { kind: 'volume-in-use', pattern: /Volume (\S+) is still attached/i },
  { kind: 'volume-in-use', pattern: /to reserve, but the status is in-use/i },
  { kind: 'volume-in-use', pattern: /must not be migrating, attached/i },
  { kind: 'volume-in-use', pattern: /Invalid volume: .*\bin-use\b/i },
  // Heat's own stack and resource timeouts ("Create timed out", "... Timed out").
  { kind: 'timeout', pattern: /timed out/i },
];

/** The suggestion for a failed resource, or null when its reason is not one of the common failures. */
export function failureAdvice(step: Pick<FailureStep, 'reason'>): FailureAdvice | null {
  const reason = step.reason ?? '';
  for (const rule of RULES) {
    const m = rule.pattern.exec(reason);
    if (m) return { kind: rule.kind, value: (m[1] ?? '').replace(/[.,;:]+$/, '') };
  }
  return null;
}
