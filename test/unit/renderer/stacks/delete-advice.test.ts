// Reasons as Heat passed them on from the test cloud's Neutron (seen in
// test/integration/stacks/delete-blocked.test.ts), and the other classes.
import { describe, expect, it } from 'vitest';
import { deleteBlock } from '../../../../renderer/stacks/delete-advice';

describe('deleteBlock', () => {
  it('reads Neutron’s "ports have an IP allocation" and "still in use" as in use', () => {
    expect(
      deleteBlock({
        reason: 'Conflict: resources.subnet: Unable to complete operation on subnet 905a: One or more ports have an IP allocation from this subnet.',
      }),
    ).toBe('in-use');
    expect(
      deleteBlock({
        reason: 'Conflict: resources.net: Unable to complete operation on network 6a1c. There are one or more ports still in use on the network.',
      }),
    ).toBe('in-use');
  });
  it('reads a service timeout as timeout, anything else as other', () => {
    expect(deleteBlock({ reason: 'Timed out waiting for the volume to be deleted' })).toBe('timeout');
    expect(deleteBlock({ reason: 'Forbidden: policy does not allow this' })).toBe('other');
    expect(deleteBlock({ reason: null })).toBe('other');
  });
});
