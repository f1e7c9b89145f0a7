/**
 * Which language a request is answered in. Paraglide's middleware (hooks.server.ts) tries, in the
 * order of `strategy` in web/i18n.config.js: the signed-in person's profile language (the
 * `custom-profile` strategy below), the switcher's cookie, `Accept-Language`, English.
 *
 * The profile language comes from the account that `authenticate` already loaded for this
 * request; a strategy only sees the Request, so the account's choice is left beside it here.
 */
import type { Cookies } from '@sveltejs/kit';
import { cookieName, defineCustomServerStrategy, isLocale, type Locale } from '../paraglide/runtime.js';

const profileLocales = new WeakMap<Request, Locale>();

defineCustomServerStrategy('custom-profile', { getLocale: (request) => (request ? profileLocales.get(request) : undefined) });

/** Notes the signed-in person's profile language (if any) for `request`'s locale resolution. */
export function rememberProfileLocale(input: { request: Request; locale: string | null | undefined }): void {
  if (input.locale && isLocale(input.locale)) profileLocales.set(input.request, input.locale);
}

/** A year: long enough to be a preference, as browsers cap cookies at 400 days anyway. */
const cookieMaxAgeSeconds = 365 * 24 * 60 * 60;

/** Remembers a visitor's choice from the switcher in this browser. */
export function setLocaleCookie(input: { cookies: Cookies; locale: Locale; secure: boolean }): void {
  input.cookies.set(cookieName, input.locale, { path: '/', httpOnly: true, sameSite: 'lax', secure: input.secure, maxAge: cookieMaxAgeSeconds });
}

/** Forgets the switcher's choice: the browser's languages decide again. */
export function clearLocaleCookie(input: { cookies: Cookies }): void {
  input.cookies.delete(cookieName, { path: '/' });
}
