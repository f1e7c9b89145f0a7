import { describe, expect, it } from 'vitest';
import { isSafeHref } from './links.ts';

describe('isSafeHref', () => {
  it.each([
    ['https://www.ohchr.org/en/instruments', true],
    ['http://example.org/a?b=c#d', true],
    ['mailto:secretariat@example.org', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    [' https://example.org', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['/relative/path', false],
    ['https://', false],
    ['', false],
  ])('%s → %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });
});
