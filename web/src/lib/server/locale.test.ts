import { describe, expect, it } from 'vitest';
import { localeDirection } from '../i18n.ts';
import { textDirection } from '../format.ts';
import { paraglideMiddleware } from '../paraglide/server.js';
import { getLocale } from '../paraglide/runtime.js';
import { rememberProfileLocale } from './locale.ts';

/**
 * The language a request is answered in, through the same middleware hooks.server.ts runs:
 * profile → the switcher's cookie → Accept-Language → English.
 */
async function answeredIn(input: { profile?: string | null; cookie?: string; acceptLanguage?: string }): Promise<{ locale: string; during: string }> {
  const headers = new Headers({ 'sec-fetch-dest': 'document' });
  if (input.cookie) headers.set('cookie', `other=1; concord_locale=${input.cookie}`);
  if (input.acceptLanguage) headers.set('accept-language', input.acceptLanguage);
  const request = new Request('http://127.0.0.1/account', { headers });
  rememberProfileLocale({ request, locale: input.profile });
  let seen = { locale: '', during: '' };
  await paraglideMiddleware(request, ({ locale }) => {
    // What a page or a server module calling `m.key()` gets while this request is handled.
    seen = { locale, during: getLocale() };
    return new Response('ok');
  });
  return seen;
}

describe('the interface language of a request', () => {
  it('takes the profile language first, over the cookie and the browser', async () => {
    expect(await answeredIn({ profile: 'ar', cookie: 'fr', acceptLanguage: 'es-ES,es;q=0.9' })).toEqual({ locale: 'ar', during: 'ar' });
  });

  it('takes the switcher’s cookie when there is no profile language', async () => {
    expect(await answeredIn({ profile: null, cookie: 'fr', acceptLanguage: 'es-ES,es;q=0.9' })).toEqual({ locale: 'fr', during: 'fr' });
  });

  it('takes the browser’s Accept-Language without a profile or cookie, by preference order', async () => {
    expect((await answeredIn({ acceptLanguage: 'de-DE,de;q=0.9,es;q=0.8,fr;q=0.7' })).locale).toBe('es');
    expect((await answeredIn({ acceptLanguage: 'ar-EG' })).locale).toBe('ar');
  });

  it('falls back to English when nothing matches', async () => {
    expect((await answeredIn({ acceptLanguage: 'de-DE,ja;q=0.5' })).locale).toBe('en');
    expect((await answeredIn({})).locale).toBe('en');
  });

  it('ignores a profile or cookie value that is not one of the interface’s languages', async () => {
    expect((await answeredIn({ profile: 'de', cookie: 'xx', acceptLanguage: 'fr-CA' })).locale).toBe('fr');
  });
});

describe('a statement’s own language and direction', () => {
  it('do not follow the interface: an Arabic interface shows an English draft left to right', () => {
    expect(localeDirection('ar')).toBe('rtl');
    expect(textDirection('en')).toBe('ltr');
    expect(textDirection('zh-TW')).toBe('ltr');
  });

  it('do not follow the interface: an English interface shows an Arabic draft right to left', () => {
    expect(localeDirection('en')).toBe('ltr');
    expect(textDirection('ar')).toBe('rtl');
  });
});
