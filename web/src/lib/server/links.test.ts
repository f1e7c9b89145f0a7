import { describe, expect, it } from 'vitest';
import { publicCacheControl, publicLinkOrigin } from './links.ts';

describe('publicLinkOrigin', () => {
  it('takes the configured public URL, whatever Host the request named', () => {
    expect(publicLinkOrigin({ configured: 'https://hub.example/some/path', requestOrigin: 'http://evil.example' })).toEqual({ origin: 'https://hub.example', cacheable: true });
  });

  it('falls back to the request origin only for an answer no shared cache may keep', () => {
    const unconfigured = publicLinkOrigin({ configured: undefined, requestOrigin: 'http://127.0.0.1:5173' });
    expect(unconfigured).toEqual({ origin: 'http://127.0.0.1:5173', cacheable: false });
    expect(publicCacheControl({ cacheable: unconfigured.cacheable, shared: 'public, max-age=300' })).toBe('private, no-store');
    expect(publicCacheControl({ cacheable: true, shared: 'public, max-age=300' })).toBe('public, max-age=300');
  });
});
