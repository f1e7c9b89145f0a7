/**
 * The browser suite's arithmetic: the probe's stamps (browser-probe.js) from every page, turned
 * into one sample per (keystroke, receiving page) and its parts. Every stamp is a time on the
 * clock the pages share, keyed by the keystroke's marker character.
 */
import { percentile, round } from './stats.ts';

/** What the probe stamped in one page: marker → time. */
export interface PageStamps {
  keydown: Record<string, number>;
  sent: Record<string, number>;
  received: Record<string, number>;
  mutated: Record<string, number>;
  painted: Record<string, number>;
}

/** The parts of a keystroke's way from one page to another, in the order it takes them. */
export const parts = {
  /** keydown → its frame handed to the socket (editor, y-prosemirror, provider, gateway socket). */
  editor: (from: PageStamps, _to: PageStamps, m: string) => gap(from.keydown[m], from.sent[m]),
  /** Frame sent → frame received by the other page (both sockets, gateway, handlers, store). */
  server: (from: PageStamps, to: PageStamps, m: string) => gap(from.sent[m], to.received[m]),
  /** Frame received → text in the editor's DOM (gateway socket, provider, y-prosemirror, ProseMirror). */
  apply: (_from: PageStamps, to: PageStamps, m: string) => gap(to.received[m], to.mutated[m]),
  /** Text in the DOM → the animation frame that paints it. */
  paint: (_from: PageStamps, to: PageStamps, m: string) => gap(to.mutated[m], to.painted[m]),
} as const;

export type Part = keyof typeof parts;

function gap(from: number | undefined, to: number | undefined): number | null {
  return from === undefined || to === undefined ? null : to - from;
}

export interface Breakdown {
  /** keydown in the typing page → painted in another page. */
  total: number[];
  byPart: Record<Part, number[]>;
  /** (keystroke, receiving page) pairs never painted, or never stamped at the keydown. */
  missing: number;
}

/** One sample per keystroke in `typists[i].markers` and page other than typist i's. */
export function breakdown(typists: readonly { markers: readonly string[]; stamps: PageStamps }[]): Breakdown {
  const result: Breakdown = { total: [], byPart: { editor: [], server: [], apply: [], paint: [] }, missing: 0 };
  typists.forEach((from, i) => {
    for (const marker of from.markers) {
      for (const [j, to] of typists.entries()) {
        if (j === i) continue;
        const total = gap(from.stamps.keydown[marker], to.stamps.painted[marker]);
        if (total === null) {
          result.missing += 1;
          continue;
        }
        result.total.push(total);
        for (const [name, part] of Object.entries(parts) as [Part, (typeof parts)[Part]][]) {
          const ms = part(from.stamps, to.stamps, marker);
          if (ms !== null) result.byPart[name].push(ms);
        }
      }
    }
  });
  return result;
}

/** `browser.*`: the total's p50/p99, their ratios to issue 16's targets (50 and 150 ms), and each part's. */
export function browserMetrics(input: { breakdown: Breakdown; keys: number }): Record<string, number> {
  const { total, byPart, missing } = input.breakdown;
  const p50 = percentile(total, 50);
  const p99 = percentile(total, 99);
  const metrics: Record<string, number> = {
    'browser.p50Ms': round(p50),
    'browser.p99Ms': round(p99),
    'browser.p50.target': round(p50 / 50, 2),
    'browser.p99.target': round(p99 / 150, 2),
    'browser.keys': input.keys,
    'browser.samples': total.length,
    'browser.missing': missing,
  };
  for (const [name, samples] of Object.entries(byPart)) {
    metrics[`browser.${name}.p50Ms`] = round(percentile(samples, 50));
    metrics[`browser.${name}.p99Ms`] = round(percentile(samples, 99));
  }
  return metrics;
}
