import { describe, expect, it } from 'vitest';
import { mailLinkOrigin } from './links.ts';
import { isLoopbackAddress, linkify } from './outbox.ts';

describe('isLoopbackAddress', () => {
  it('knows loopback addresses, IPv4, IPv6 and mapped', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['10.0.0.1', '::ffff:10.0.0.1', '128.0.0.1', '1127.0.0.1', 'localhost', '']) expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe('linkify', () => {
  it('splits text into text and links, leaving trailing punctuation out of links', () => {
    expect(linkify('Open http://127.0.0.1:3000/invite/abc. Then go.')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', href: 'http://127.0.0.1:3000/invite/abc' },
      { kind: 'text', text: '. Then go.' },
    ]);
    expect(linkify('no links')).toEqual([{ kind: 'text', text: 'no links' }]);
    expect(linkify('javascript:alert(1)')).toEqual([{ kind: 'text', text: 'javascript:alert(1)' }]);
  });
});

describe('mailLinkOrigin', () => {
  it('prefers the configured public URL, and trusts the request’s origin only from loopback', () => {
    expect(mailLinkOrigin({ configured: 'https://hub.example/base', requestOrigin: 'http://evil.example', clientAddress: '10.0.0.1' })).toBe('https://hub.example');
    expect(mailLinkOrigin({ configured: undefined, requestOrigin: 'http://127.0.0.1:3000', clientAddress: '127.0.0.1' })).toBe('http://127.0.0.1:3000');
    expect(mailLinkOrigin({ configured: undefined, requestOrigin: 'http://evil.example', clientAddress: '10.0.0.1' })).toBeNull();
  });
});
