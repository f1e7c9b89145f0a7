/**
 * What `GET /statements/<id>/negotiation` answers, and the page load renders: a statement's
 * comment threads, amendments and brackets as the current person sees them — each resolved in
 * the stored text (its current words, or orphaned), with the steps this person may take on it —,
 * whether the text is clean, and the names to show (`negotiationState`, state.ts). Types only:
 * the browser imports them too (the web's `$lib/negotiation/view.ts`).
 */
import type {
  Amendment,
  AmendmentAction,
  Bracket,
  BracketAction,
  CommentThread,
  NegotiationPermissions,
  ThreadAction,
  Tier,
} from '@concord/core';

/** Where an item's anchor is in the text now. */
export interface Placement {
  /** Its words are gone (deleted, or their paragraph deleted): shown with the words it was about. */
  orphaned: boolean;
  /** The words now in the range; null when orphaned. */
  current: string | null;
}

export type ThreadView = CommentThread & Placement & { actions: ThreadAction[] };
export type AmendmentView = Amendment & Placement & { actions: AmendmentAction[] };
export type BracketView = Bracket & Placement & { actions: BracketAction[] };

export interface NegotiationView {
  statementId: string;
  /** No bracket is open. */
  clean: boolean;
  openBrackets: number;
  /** Share (0…1) of the text inside open brackets. */
  bracketedShare: number;
  can: NegotiationPermissions;
  /** The policy's refusal code for each step the person may not take (shown in their language). */
  refusals: Partial<Record<keyof NegotiationPermissions, string>>;
  me: { userId: string; organisationId: string };
  /** The coalition's organisations (names, and whom a comment may mention). */
  organisations: { id: string; name: string; tier: Tier }[];
  /** The organisations a comment may mention: those the draft is shared with (checked again on the server). */
  mentionable: string[];
  /** Names of the people who acted, by user id. */
  people: Record<string, string>;
  threads: ThreadView[];
  amendments: AmendmentView[];
  brackets: BracketView[];
}
