/**
 * What `GET /statements/<id>/negotiation` answers (`NegotiationView`, defined by
 * `@concord/negotiation`, which computes it), and the browser's helpers to show it.
 */
import type { NegotiationView } from '@concord/negotiation/view';

export type { AmendmentView, BracketView, NegotiationView, Placement, ThreadView } from '@concord/negotiation/view';

/** The share as a whole percentage for the header: never "0" while something is bracketed, never "100" while something is not. */
export function sharePercent(bracketedShare: number): { percent: number; approx: 'below' | 'above' | null } {
  const share = bracketedShare * 100;
  if (share > 0 && share < 1) return { percent: 1, approx: 'below' };
  if (share > 99 && share < 100) return { percent: 99, approx: 'above' };
  return { percent: Math.round(share), approx: null };
}

/** An organisation's name, or its id when it is not in the coalition any more. */
export function organisationName(view: Pick<NegotiationView, 'organisations'>, id: string): string {
  return view.organisations.find((o) => o.id === id)?.name ?? id;
}
