// What to do about a failed delete (seed 8.1: "find the resource and reason
// (timeouts of the compute, network or storage services; dependencies that
// block deletion), fix, delete again"), read from the failed resource's
// status reason, which carries the service's own words (Neutron's
// "... still in use", "... ports have an IP allocation ...", Cinder's
// "... volume is attached", a timeout).
import type { FailureStep } from './diagnosis';

export type DeleteBlock = 'in-use' | 'timeout' | 'other';

/** Phrases the services use when something outside the stack still holds the resource. */
const IN_USE = [/still in use/i, /in use/i, /ports? (have|has) an ip allocation/i, /\bInUse\b/, /has dependent/i, /attached/i, /\b409\b/, /conflict/i];
const TIMEOUT = [/timed? ?out/i, /timeout/i, /\b50[34]\b/];

export function deleteBlock(step: Pick<FailureStep, 'reason'>): DeleteBlock {
  const reason = step.reason ?? '';
  if (IN_USE.some((p) => p.test(reason))) return 'in-use';
  if (TIMEOUT.some((p) => p.test(reason))) return 'timeout';
  return 'other';
}
