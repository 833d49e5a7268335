import { describe, expect, it } from 'vitest';
import { emptyProfileFields } from '../../../../shared/cloud/profile';
import { secretTargetChanges } from '../../../../shared/cloud/secret-binding';

const base = { ...emptyProfileFields('p', 'https://keystone.example.com:5000/v3'), endpointOverride: 'https://heat.example.com/v1/%(tenant_id)s' };

describe('which changes re-point a stored secret', () => {
  it('counts another scheme, host or port of the auth URL or the Heat override, a CA bundle and insecure', () => {
    expect(secretTargetChanges(base, { ...base, authUrl: 'http://keystone.example.com:5000/v3' })).toEqual(['authUrl']);
    expect(secretTargetChanges(base, { ...base, authUrl: 'https://keystone.example.com:5001/v3' })).toEqual(['authUrl']);
    expect(secretTargetChanges(base, { ...base, authUrl: 'https://evil.example:5000/v3' })).toEqual(['authUrl']);
    // user-info cannot hide the host: "https://keystone.example.com:5000@evil.example" goes to evil.example
    expect(secretTargetChanges(base, { ...base, authUrl: 'https://keystone.example.com:5000@evil.example/v3' })).toEqual(['authUrl']);
    expect(secretTargetChanges(base, { ...base, endpointOverride: null })).toEqual(['endpointOverride']);
    expect(secretTargetChanges(base, { ...base, endpointOverride: 'https://evil.example/v1' })).toEqual(['endpointOverride']);
    expect(secretTargetChanges(base, { ...base, caBundlePath: '/tmp/ca.pem', insecure: true })).toEqual(['caBundlePath', 'insecure']);
  });

  it('lets a path, case or default-port change of the same server, and other fields, keep the secret', () => {
    expect(secretTargetChanges(base, { ...base, authUrl: 'HTTPS://Keystone.Example.com:5000/identity/v3/', name: 'q', region: 'R2' })).toEqual([]);
    const plain = { ...base, authUrl: 'https://k.example/v3' };
    expect(secretTargetChanges(plain, { ...plain, authUrl: 'https://k.example:443' })).toEqual([]);
    expect(secretTargetChanges(base, { ...base, endpointOverride: 'https://heat.example.com/v1/other' })).toEqual([]);
  });
});
