/**
 * Wall-clock time in a named time zone ↔ an instant, with `Intl` only. A consensus deadline is set
 * as "17:00 on 4 March, Europe/Tallinn" and must mean one instant everywhere, also across a
 * daylight-saving change: a time that does not exist (clocks go forward) is refused, and a time
 * that happens twice (clocks go back) means its first occurrence.
 */
import { fail } from './errors.ts';

export interface WallTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM`, 24-hour */
  time: string;
  /** IANA name, e.g. `Europe/Tallinn` */
  timeZone: string;
}

/** Whether the runtime knows the time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The wall time of `instant` in `timeZone`, to the minute. */
export function wallTimeAt(input: { instant: number; timeZone: string }): WallTime {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: input.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(input.instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}`, timeZone: input.timeZone };
}

/** Offset of `timeZone` from UTC at `instant`, in ms (east positive). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallTimeAt({ instant, timeZone });
  return asUtc(wall) - Math.floor(instant / 60_000) * 60_000;
}

/** The wall time's digits read as if they were UTC. */
function asUtc(wall: Pick<WallTime, 'date' | 'time'>): number {
  const [y, mo, d] = wall.date.split('-').map(Number) as [number, number, number];
  const [h, mi] = wall.time.split(':').map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h, mi);
}

/**
 * The instant a wall time names. Throws an `input` DomainError for a malformed value, an unknown
 * zone, or a time skipped by a daylight-saving change; of a repeated time, returns the first.
 */
export function instantOf(wall: WallTime): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(wall.date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(wall.time)) {
    throw fail.input('time.malformed', 'Give the date as YYYY-MM-DD and the time as HH:MM.');
  }
  if (!isKnownTimeZone(wall.timeZone)) throw fail.input('time.unknown-zone', `Unknown time zone: ${wall.timeZone}.`);
  const naive = asUtc(wall);
  if (Number.isNaN(naive) || wallTimeAt({ instant: naive, timeZone: 'UTC' }).date !== wall.date) {
    throw fail.input('time.malformed', 'That date does not exist.');
  }
  // The offsets in force a day either side cover every candidate instant for this wall time.
  const candidates = [...new Set([offsetAt(naive - 86_400_000, wall.timeZone), offsetAt(naive + 86_400_000, wall.timeZone)])]
    .map((offset) => naive - offset)
    .filter((instant) => {
      const back = wallTimeAt({ instant, timeZone: wall.timeZone });
      return back.date === wall.date && back.time === wall.time;
    })
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first === undefined) {
    throw fail.input('time.skipped', `${wall.time} on ${wall.date} does not exist in ${wall.timeZone}: the clocks go forward then.`);
  }
  return first;
}
