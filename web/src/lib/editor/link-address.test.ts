import { describe, expect, it } from 'vitest';
import { normaliseLinkAddress } from './link-address.ts';

const normalise = (typed: string) => normaliseLinkAddress({ typed });

describe('normaliseLinkAddress', () => {
  it('assumes https:// when the scheme is missing', () => {
    expect(normalise('example.org')).toEqual({ ok: true, href: 'https://example.org' });
    expect(normalise('  www.ohchr.org/en/instruments?x=1#art-19 ')).toEqual({ ok: true, href: 'https://www.ohchr.org/en/instruments?x=1#art-19' });
    expect(normalise('localhost:5173/statements')).toEqual({ ok: true, href: 'https://localhost:5173/statements' });
    expect(normalise('//example.org/a')).toEqual({ ok: true, href: 'https://example.org/a' });
  });

  it('makes an e-mail address a mailto link', () => {
    expect(normalise('secretariat@example.org')).toEqual({ ok: true, href: 'mailto:secretariat@example.org' });
  });

  it('keeps an explicit http, https or mailto address as typed', () => {
    expect(normalise('http://example.org/a%20b')).toEqual({ ok: true, href: 'http://example.org/a%20b' });
    expect(normalise('HTTPS://Example.org')).toEqual({ ok: true, href: 'HTTPS://Example.org' });
    expect(normalise('mailto:chair@example.org')).toEqual({ ok: true, href: 'mailto:chair@example.org' });
  });

  it('refuses other schemes as unsafe rather than prefixing them', () => {
    for (const typed of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd', 'ftp://example.org']) {
      expect(normalise(typed)).toEqual({ ok: false, reason: 'unsafe' });
    }
  });

  it('refuses what is not an address', () => {
    for (const typed of ['hello world', 'word', 'https://', 'https:// example.org', 'example', `https://example.org/${'a'.repeat(2_000)}`]) {
      expect(normalise(typed)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('says when nothing was typed', () => {
    expect(normalise('   ')).toEqual({ ok: false, reason: 'empty' });
  });
});
