// Reasons as Heat records them: its exception prefix and resource path, then
// the service's message in the service's format (nova/exception.py,
// neutron_lib/exceptions, neutron/ipam/exceptions.py, cinder/volume/api.py,
// heat/engine/clients/client_exception.py, heat/common/exception.py).
import { describe, expect, it } from 'vitest';
import { failureAdvice } from '../../../../renderer/stacks/failure-advice';

const advice = (reason: string | null) => failureAdvice({ reason });

describe('failureAdvice', () => {
  it('reads Nova, Neutron and Cinder quota refusals as quota, naming what ran out', () => {
    expect(
      advice('Forbidden: resources.server: Quota exceeded for instances: Requested 1, but already used 10 of 10 instances (HTTP 403) (Request-ID: req-1f0c)'),
    ).toEqual({ kind: 'quota', value: 'instances' });
    expect(advice("Conflict: resources.port: Quota exceeded for resources: ['port'].\nNeutron server returns request_ids: ['req-9a']")).toEqual({
      kind: 'quota',
      value: 'port',
    });
    expect(advice("OverLimit: resources.vol: Maximum number of volumes allowed (10) exceeded for quota 'volumes'. (HTTP 413)")).toEqual({
      kind: 'quota',
      value: 'volumes',
    });
  });

  it('reads a fixed IP outside its subnet, and a full subnet, from Neutron', () => {
    expect(
      advice("BadRequest: resources.port: IP address 10.99.0.5 is not a valid IP for the specified subnet.\nNeutron server returns request_ids: ['req-2']"),
    ).toEqual({ kind: 'ip-outside-subnet', value: '10.99.0.5' });
    expect(advice('BadRequest: resources.port: IP address 192.168.9.9 is not a valid IP for any of the subnets on the specified network.')).toEqual({
      kind: 'ip-outside-subnet',
      value: '192.168.9.9',
    });
    expect(advice('Conflict: resources.port: No more IP addresses available for subnet 5e1d.')).toEqual({ kind: 'ip-exhausted', value: '5e1d' });
  });

  it('reads image, flavor and key pair lookups that found nothing', () => {
    expect(
      advice(
        "StackValidationFailed: resources.inner: Property error: server.properties.image: Error validating value 'cirros-9': No images matching {'name': 'cirros-9'}.",
      ),
    ).toEqual({ kind: 'image-not-found', value: 'cirros-9' });
    expect(advice('BadRequest: resources.server: Image 7c1e-aa could not be found. (HTTP 400)')).toEqual({ kind: 'image-not-found', value: '7c1e-aa' });
    expect(
      advice(
        "StackValidationFailed: resources.inner: Property error: server.properties.flavor: Error validating value 'm1.huge': No Flavor matching {'name': 'm1.huge'}. (HTTP 404)",
      ),
    ).toEqual({ kind: 'flavor-not-found', value: 'm1.huge' });
    expect(advice('NotFound: resources.server: Flavor 42 could not be found. (HTTP 404)')).toEqual({ kind: 'flavor-not-found', value: '42' });
    expect(
      advice(
        "StackValidationFailed: resources.inner: Property error: server.properties.key_name: Error validating value 'nokey': The Key (nokey) could not be found.",
      ),
    ).toEqual({ kind: 'keypair-not-found', value: 'nokey' });
    expect(advice('BadRequest: resources.server: Keypair nokey not found for user 8d2 (HTTP 400)')).toEqual({ kind: 'keypair-not-found', value: 'nokey' });
  });

  it('reads Nova’s no valid host through Heat’s ResourceInError', () => {
    expect(
      advice(
        'ResourceInError: resources.server: Went to status ERROR due to "Message: No valid host was found. There are not enough hosts available., Code: 500"',
      ),
    ).toEqual({ kind: 'no-valid-host', value: '' });
  });

  it('reads an attached volume from Cinder’s checks', () => {
    expect(
      advice('BadRequest: resources.attach: Invalid volume: Volume status must be available or downloading to reserve, but the status is in-use. (HTTP 400)')
        ?.kind,
    ).toBe('volume-in-use');
    expect(
      advice(
        'BadRequest: resources.vol: Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer. (HTTP 400)',
      )?.kind,
    ).toBe('volume-in-use');
    expect(advice('BadRequest: resources.vol: Volume 3f2 is still attached, detach volume first. (HTTP 400)')).toEqual({ kind: 'volume-in-use', value: '3f2' });
  });

  it('reads Neutron’s refusals to delete what something still uses as a blocked delete', () => {
    expect(
      advice('Conflict: resources.subnet: Unable to complete operation on subnet 905a: One or more ports have an IP allocation from this subnet.'),
    ).toEqual({ kind: 'delete-blocked', value: '905a' });
    expect(advice('Conflict: resources.net: Unable to complete operation on network 6a1c. There are one or more ports still in use on the network.')).toEqual({
      kind: 'delete-blocked',
      value: '6a1c',
    });
    expect(advice('Conflict: resources.router: Router 77b still has ports')).toEqual({ kind: 'delete-blocked', value: '77b' });
  });

  it('reads Heat’s own timeouts', () => {
    expect(advice('Create timed out')?.kind).toBe('timeout');
    expect(advice('Timeout: resources.wait: WaitCondition wait Timed out')?.kind).toBe('timeout');
  });

  it('gives nothing for a reason it does not know, or none', () => {
    expect(advice('Forbidden: resources.x: Policy does not allow this')).toBeNull();
    expect(advice(null)).toBeNull();
  });
});
