import { describe, expect, it } from 'vitest';
import { formatUtc, languageName, textDirection, tierLabel } from './format.ts';

describe('languageName', () => {
  it('names a language tag in the reader’s locale', () => {
    expect(languageName({ tag: 'en' })).toBe('English');
    expect(languageName({ tag: 'zh-TW' })).toMatch(/Chinese/);
  });

  it('falls back to the tag when it is not a valid one', () => {
    expect(languageName({ tag: '%%' })).toBe('%%');
  });
});

describe('formatUtc', () => {
  it('spells a time out in UTC whatever the server’s zone', () => {
    expect(formatUtc({ epochMs: Date.UTC(2020, 3, 2, 9, 5) })).toBe('2 Apr 2020, 09:05 UTC');
  });
});

describe('tierLabel', () => {
  it('names each tier for people', () => {
    expect(tierLabel('member')).toBe('Member');
    expect(tierLabel('advisory')).toBe('Advisory network');
    expect(tierLabel('observer')).toBe('Observer');
  });
});

describe('textDirection', () => {
  it('writes Arabic, Hebrew and Persian right to left', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he-IL')).toBe('rtl');
    expect(textDirection('fa')).toBe('rtl');
  });

  it('writes English and Chinese left to right, and honours a script subtag', () => {
    expect(textDirection('en')).toBe('ltr');
    expect(textDirection('zh-TW')).toBe('ltr');
    expect(textDirection('pa-Arab')).toBe('rtl');
  });
});
