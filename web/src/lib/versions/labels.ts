/** How a version is called on the pages: its name, else "Version n"; times in the interface's locale. */
import { intlLocale } from '$lib/i18n.ts';
import { m } from '$lib/paraglide/messages.js';

export function versionLabel(version: { seq: number; name: string | null }): string {
  return version.name ?? m.versions_number({ seq: version.seq });
}

/** A version's time, in the reader's language and time zone (the page renders it in the browser too). */
export function versionTime(epochMs: number): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
