/**
 * Deadlines for people in many time zones: the offset of a named zone at an instant ("+02:00"),
 * and the time left in the reader's words ("2 days, 3 hours, 5 minutes"). Browser and server.
 */
import { intlLocale, type Locale } from '../i18n.ts';
import { getLocale } from '../paraglide/runtime.js';

/** The zone's offset from UTC at `epochMs`, as "+02:00" / "-05:00" / "+00:00". */
export function zoneOffset(input: { epochMs: number; timeZone: string }): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: input.timeZone, timeZoneName: 'longOffset' })
    .formatToParts(input.epochMs)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/** Days, hours and minutes until the deadline, in the reader's language (rounded up to the minute). */
export function timeLeft(input: { from: number; to: number; locale?: Locale }): string {
  const locale = intlLocale(input.locale ?? getLocale());
  let minutes = Math.max(0, Math.ceil((input.to - input.from) / 60_000));
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const unit = (value: number, name: 'day' | 'hour' | 'minute') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const parts = [days ? unit(days, 'day') : null, days || hours ? unit(hours, 'hour') : null, unit(minutes, 'minute')].filter((p): p is string => p !== null);
  return new Intl.ListFormat(locale, { type: 'unit', style: 'long' }).format(parts);
}

/** The IANA zones the runtime knows, for the deadline's zone picker. */
export function timeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return supported.includes('UTC') ? supported : ['UTC', ...supported];
}
