import { describe, expect, it } from 'vitest';
import { errorFromResponse, networkError, parseErrorBody } from '../../../../main/cloud/cloud-errors';
import { backoffMs, retryAfterMs, type HttpResponse } from '../../../../main/cloud/http';
import { findEndpoint } from '../../../../main/cloud/catalog';

function res(status: number, text: string, headers: Record<string, string> = {}, url = 'http://127.0.0.1:8004/v1/p/stacks'): HttpResponse {
  return { status, text, headers, requestId: 'req-1', url, method: 'GET', service: 'Heat', truncated: false };
}

describe('error mapping', () => {
  it.each([
    [300, 'CLOUD_ERROR'],
    [400, 'CLOUD_ERROR'],
    [401, 'AUTH_FAILED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [405, 'NOT_IMPLEMENTED_BY_CLOUD'],
    [406, 'CLOUD_ERROR'],
    [407, 'CLOUD_ERROR'],
    [408, 'TIMEOUT'],
    [409, 'CONFLICT'],
    [413, 'FILE_TOO_LARGE'],
    [429, 'RATE_LIMITED'],
    [500, 'CLOUD_ERROR'],
    [501, 'NOT_IMPLEMENTED_BY_CLOUD'],
    [502, 'SERVICE_UNAVAILABLE'],
    [503, 'SERVICE_UNAVAILABLE'],
    [504, 'TIMEOUT'],
  ])('maps HTTP %i to %s with the status and request id in details', (status, code) => {
    const err = errorFromResponse(res(status, ''));
    expect(err.code).toBe(code);
    expect(err.details).toMatchObject({ status, requestId: 'req-1', service: 'Heat' });
    expect(err.message).toContain(`(${status})`);
  });

  it("uses Heat's message and error type", () => {
    const body = JSON.stringify({
      explanation: 'x',
      code: 409,
      error: { message: 'Stack a already exists', type: 'StackExists', traceback: null },
      title: 'Conflict',
    });
    const err = errorFromResponse(res(409, body));
    expect(err.message).toBe('Heat reported a conflict (409): the stack may be busy or the name taken: Stack a already exists');
    expect(err.details?.type).toBe('StackExists');
  });

  it("uses Keystone's message", () => {
    expect(parseErrorBody('{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}')).toEqual({
      message: 'The request you have made requires authentication.',
      type: null,
      title: 'Unauthorized',
      notJson: false,
    });
  });

  it('turns a template 400 into TEMPLATE_INVALID', () => {
    const body = JSON.stringify({ error: { message: 'HEAT-E99001 Service nova is not available', type: 'ResourceTypeUnavailable' } });
    expect(errorFromResponse(res(400, body)).code).toBe('TEMPLATE_INVALID');
  });

  it('describes an HTML error page instead of quoting it, whatever its size', () => {
    const err = errorFromResponse(res(502, `<!DOCTYPE html><html>${'x'.repeat(100_000)}</html>`, { 'content-type': 'text/html' }));
    expect(err.code).toBe('SERVICE_UNAVAILABLE');
    expect(err.message).toMatch(/not JSON \(an HTML page, 100\d\d\d bytes/);
    expect(err.message.length).toBeLessThan(300);
  });

  it('keeps Retry-After for the UI', () => {
    expect(errorFromResponse(res(429, '', { 'retry-after': '30' })).details?.retryAfter).toBe('30');
  });

  it('maps network failures: refused, DNS, reset, timeout, TLS', () => {
    const e = (code: string, message = code) => Object.assign(new Error(message), { code });
    expect(networkError(e('ECONNREFUSED'), 'GET', 'http://h:1/x', 'Heat').code).toBe('CLOUD_UNREACHABLE');
    expect(networkError(e('ENOTFOUND'), 'GET', 'http://h:1/x', 'Heat').message).toMatch(/does not resolve/);
    expect(networkError(e('ECONNRESET'), 'GET', 'http://h:1/x', 'Heat').message).toMatch(/dropped the connection/);
    expect(networkError(e('ETIMEDOUT_CLIENT'), 'GET', 'http://h:1/x', 'Heat').code).toBe('TIMEOUT');
    expect(networkError(e('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'GET', 'https://h/x', 'Keystone').code).toBe('TLS_ERROR');
    expect(networkError(e('CERT_HAS_EXPIRED'), 'GET', 'https://h/x', 'Keystone').code).toBe('TLS_ERROR');
  });
});

describe('retry timing', () => {
  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(retryAfterMs('2', 0)).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
  });

  it('backs off exponentially with jitter, capped at 8 s', () => {
    expect(backoffMs(0, () => 0)).toBe(250);
    expect(backoffMs(0, () => 1)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(4000);
    expect(backoffMs(10, () => 1)).toBe(8000);
  });
});

describe('catalog lookup', () => {
  const catalog = [
    { type: 'identity', endpoints: [{ interface: 'public', region: 'RegionOne', url: 'http://k/v3' }] },
    {
      type: 'orchestration',
      endpoints: [
        { interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: 'http://h1/v1/p/' },
        { interface: 'internal', region: 'RegionOne', region_id: 'RegionOne', url: 'http://h1i/v1/p' },
        { interface: 'public', region: 'RegionTwo', region_id: 'RegionTwo', url: 'http://h2/v1/p' },
      ],
    },
  ];

  it('picks the endpoint by type, region and interface', () => {
    expect(findEndpoint(catalog, { type: 'orchestration', region: 'RegionTwo', interface: 'public' })).toBe('http://h2/v1/p');
    expect(findEndpoint(catalog, { type: 'orchestration', region: 'RegionOne', interface: 'internal' })).toBe('http://h1i/v1/p');
  });

  it('names what the catalog offers when orchestration is missing', () => {
    expect(() => findEndpoint(catalog.slice(0, 1), { type: 'orchestration', region: null, interface: 'public' })).toThrow(
      /no orchestration service \(it offers: identity\)/,
    );
  });

  it('names the interfaces offered when the one asked for is missing', () => {
    expect(() => findEndpoint(catalog, { type: 'orchestration', region: 'RegionTwo', interface: 'admin' })).toThrow(/interfaces offered: public/);
  });
});
