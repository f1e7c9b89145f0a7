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
  // Each row: what arrives in `next` (already decoded once, as url.searchParams and formData give it).
  const kept: [string, string][] = [
    ['/statements/stmt_1', '/statements/stmt_1'],
    ['/', '/'],
    ['/declarations?q=climate%20change&coalition=coal_1', '/declarations?q=climate%20change&coalition=coal_1'],
    ['/statements/stmt_1#p-3', '/statements/stmt_1#p-3'],
    ['/declarations?q=100%25', '/declarations?q=100%25'],
    ['/statements/../account', '/account'],
    ['/déclarations', '/d%C3%A9clarations'],
  ];
  const refused: [string, unknown][] = [
    ['an absolute URL', 'https://evil.example/phish'],
    ['a scheme-relative URL', '//evil.example'],
    ['a backslash after the slash', '/\\evil.example'],
    ['backslashes only', '\\\\evil.example'],
    ['a tab between slashes (the reported case)', '/\t/evil.example/phish'],
    ['a newline between slashes', '/\n/evil.example'],
    ['a carriage return and newline (header injection)', '/ok\r\nSet-Cookie: a=b'],
    ['a NUL', '/\u0000/evil.example'],
    ['a C1 control character', '/\u0085/evil.example'],
    ['an encoded slash, tab and slash', '/%2F%09%2Fevil.example'],
    ['an encoded second slash', '/%2Fevil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['a double-encoded tab', '/%2509/evil.example'],
    ['an encoded newline', '/ok%0D%0ALocation:%20https://evil.example'],
    ['the whole target encoded', '%2F%2Fevil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a relative path', 'statements/stmt_1'],
    ['a leading space', ' /statements'],
    ['a very long path', `/${'a'.repeat(600)}`],
    ['nothing', null],
    ['a number', 3],
    ['a file in a form', new Blob(['/'])],
  ];

  it.each(kept)('keeps %j as %j', (next, expected) => {
    expect(safeRedirectPath({ next, fallback: '/' })).toBe(expected);
  });

  it.each(refused)('falls back for %s', (_name, next) => {
    expect(safeRedirectPath({ next, fallback: '/fallback' })).toBe('/fallback');
  });

  it('never answers something a browser would take off the site, or a header could not hold', () => {
    for (const [, next] of refused) {
      const target = safeRedirectPath({ next, fallback: '/' });
      expect(new URL(target, 'https://hub.example').origin).toBe('https://hub.example');
      expect(target).not.toMatch(/[\u0000-\u001F\\]/);
    }
  });
});
