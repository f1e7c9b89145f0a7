import { describe, expect, it } from 'vitest';
import { isSameOrigin, safeRedirectPath, securityHeaders, statusForErrorKind } from './http.ts';

describe('statusForErrorKind', () => {
  it('maps each kind of domain error to its HTTP status', () => {
    expect(statusForErrorKind('input')).toBe(400);
    expect(statusForErrorKind('auth')).toBe(401);
    expect(statusForErrorKind('forbidden')).toBe(403);
    expect(statusForErrorKind('not-found')).toBe(404);
    expect(statusForErrorKind('conflict')).toBe(409);
  });
});

describe('isSameOrigin', () => {
  const url = new URL('http://127.0.0.1:3000/statements/stmt_1/ticket');

  it('accepts a request from this origin or without an Origin header', () => {
    expect(isSameOrigin({ origin: 'http://127.0.0.1:3000', url })).toBe(true);
    expect(isSameOrigin({ origin: null, url })).toBe(true);
  });

  it('refuses a request from another origin, another port included', () => {
    expect(isSameOrigin({ origin: 'https://evil.example', url })).toBe(false);
    expect(isSameOrigin({ origin: 'http://127.0.0.1:4000', url })).toBe(false);
  });
});

describe('securityHeaders', () => {
  it('forbids sniffing, framing and powerful features', () => {
    const headers = securityHeaders({ https: false });
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('asks for HTTPS from then on when served over HTTPS', () => {
    expect(securityHeaders({ https: true })['strict-transport-security']).toContain('max-age=');
  });
});

describe('safeRedirectPath', () => {
  it('keeps a path on this site', () => {
    expect(safeRedirectPath({ next: '/statements/stmt_1', fallback: '/' })).toBe('/statements/stmt_1');
  });

  it('refuses anything that could lead off the site', () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', null, 3]) {
      expect(safeRedirectPath({ next, fallback: '/' })).toBe('/');
    }
  });
});
