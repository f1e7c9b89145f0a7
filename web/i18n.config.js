/**
 * How Paraglide compiles the messages, shared by the Vite plugin (build, dev) and
 * `scripts/compile-messages.js` (typecheck and unit tests on a fresh clone, before any build).
 *
 * Locale resolution, first match wins: on the server, the signed-in person's profile language
 * (`custom-profile`, see src/lib/server/locale.ts), the switcher's cookie, `Accept-Language`,
 * English. In the browser, src/hooks.client.ts reads the language the server rendered instead.
 */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  strategy: /** @type {const} */ (['custom-profile', 'cookie', 'preferredLanguage', 'baseLocale']),
  cookieName: 'concord_locale',
};
