/**
 * The interface's languages, shared by the server and the browser. Messages live in
 * web/messages/<locale>.json and are compiled by Paraglide into `$lib/paraglide` (generated);
 * which locale a request gets is decided on the server (`$lib/server/locale.ts`).
 */
import { baseLocale, getLocale, getTextDirection, isLocale, locales, type Locale } from './paraglide/runtime.js';

export { baseLocale, getLocale, isLocale, locales, type Locale };

/** Each language named in itself, as a switcher shows it (never translated). */
export const localeNames = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' } as const satisfies Record<Locale, string>;

/**
 * The tag `Intl` formats with: British English (the coalition's working spelling and its
 * day-month-year dates); the others as they are.
 */
export function intlLocale(locale: Locale = getLocale()): string {
  return locale === 'en' ? 'en-GB' : locale;
}

/** `ltr` or `rtl` for the interface in `locale` (`<html dir>`). */
export function localeDirection(locale: Locale = getLocale()): 'ltr' | 'rtl' {
  return getTextDirection(locale);
}

/** A value `locale`, or null when it is not one of the interface's languages. */
export function readLocale(value: unknown): Locale | null {
  return typeof value === 'string' && isLocale(value) ? value : null;
}

export type Piece = { kind: 'text'; text: string } | { kind: 'slot'; name: string };

const mark = (n: number) => `\u{E000}${n}\u{E001}`;

/**
 * A translated sentence cut around its parameters, so a page can put markup (a name in
 * `<bdi>`, a link, `<strong>`) where each parameter falls, in whatever order the language puts
 * them. `render` is the message called with the markers it is given.
 */
export function pieces<Name extends string>(names: readonly Name[], render: (marks: Record<Name, string>) => string): Piece[] {
  const marks = Object.fromEntries(names.map((name, n) => [name, mark(n)])) as Record<Name, string>;
  return render(marks)
    .split(/(\u{E000}\d+\u{E001})/u)
    .filter((part) => part !== '')
    .map((part): Piece => {
      const found = /^\u{E000}(\d+)\u{E001}$/u.exec(part);
      const name = found ? names[Number(found[1])] : undefined;
      return name === undefined ? { kind: 'text', text: part } : { kind: 'slot', name };
    });
}
