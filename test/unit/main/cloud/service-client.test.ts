import { describe, expect, it } from 'vitest';
import { withVersion, SERVICE_TYPES } from '../../../../main/cloud/service-client';

describe('service client endpoint URLs', () => {
  it('adds the API version prefix a bare catalog URL lacks', () => {
    expect(withVersion('http://127.0.0.1:9696', '/v2.0')).toBe('http://127.0.0.1:9696/v2.0');
    expect(withVersion('http://127.0.0.1:9696/', '/v2.0')).toBe('http://127.0.0.1:9696/v2.0');
    expect(withVersion('http://127.0.0.1:9292', '/v2')).toBe('http://127.0.0.1:9292/v2');
  });
  it('keeps a URL that already names a version, and one needing none', () => {
    expect(withVersion('https://cloud.example/network/v2.0', '/v2.0')).toBe('https://cloud.example/network/v2.0');
    expect(withVersion('http://127.0.0.1:8774/v2.1/', '')).toBe('http://127.0.0.1:8774/v2.1');
  });
  it('looks Cinder up under its old and new catalog types', () => {
    expect(SERVICE_TYPES.volume.types).toEqual(['volumev3', 'block-storage', 'volume']);
  });
});
