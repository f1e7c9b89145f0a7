import { describe, expect, it } from 'vitest';
import { codeOf } from './testing/code-of.ts';
import { checkAlternative, checkAmendmentText, checkCommentBody, checkMentions, checkQuote, negotiationLimits, type Amendment, type AmendmentStatus, type Bracket, type BracketStatus } from './negotiation.ts';
import {
  amendmentActions,
  bracketActions,
  bracketedShare,
  checkAmendmentMove,
  checkBracketMove,
  checkJoin,
  checkLeave,
  checkNewAlternative,
  checkPositionChange,
  checkReply,
  checkThreadMove,
  checkAmendmentWithdrawal,
  isClean,
  threadActions,
  type NegotiationPermissions,
} from './negotiation-rules.ts';

const act = (organisationId: string) => ({ userId: `usr_${organisationId}`, organisationId, at: 1 });
const amendment = (status: AmendmentStatus, proposer = 'org_A'): Pick<Amendment, 'status' | 'proposedBy'> => ({ status, proposedBy: act(proposer) });
const bracket = (status: BracketStatus, holders: string[] = ['org_A'], alternatives = 0): Pick<Bracket, 'status' | 'holders' | 'alternatives'> => ({
  status,
  holders: holders.map((organisationId) => ({ organisationId, userId: 'usr_x', at: 1, agreement: null })),
  alternatives: Array.from({ length: alternatives }, (_, n) => ({ id: `alt_${n}`, text: `wording ${n}`, proposedBy: act('org_A') })),
});
const everything: NegotiationPermissions = { comment: true, propose: true, decide: true, bracket: true, rule: false };
const advisory: NegotiationPermissions = { comment: true, propose: true, decide: false, bracket: false, rule: false };
const observer: NegotiationPermissions = { comment: false, propose: false, decide: false, bracket: false, rule: false };

describe('checkAmendmentMove', () => {
  it.each<[AmendmentStatus, AmendmentStatus, string | null]>([
    ['proposed', 'accepted', null],
    ['proposed', 'rejected', null],
    ['proposed', 'withdrawn', null],
    ['accepted', 'reverted', null],
    ['proposed', 'reverted', 'amendment.proposed'],
    ['accepted', 'accepted', 'amendment.accepted'],
    ['accepted', 'rejected', 'amendment.accepted'],
    ['rejected', 'accepted', 'amendment.rejected'],
    ['withdrawn', 'accepted', 'amendment.withdrawn'],
    ['reverted', 'accepted', 'amendment.reverted'],
    ['reverted', 'reverted', 'amendment.reverted'],
  ])('from %s to %s: %s', (from, to, code) => {
    expect(codeOf(() => checkAmendmentMove({ amendment: { status: from }, to }))).toBe(code);
  });
});

describe('the other transitions', () => {
  it.each<[string, () => unknown, string | null]>([
    ['a position on a proposed amendment', () => checkPositionChange({ amendment: { status: 'proposed' } }), null],
    ['a position on an accepted amendment', () => checkPositionChange({ amendment: { status: 'accepted' } }), 'amendment.accepted'],
    ['a withdrawal by the proposing organisation', () => checkAmendmentWithdrawal({ amendment: amendment('proposed'), actor: act('org_A') }), null],
    ['a withdrawal by another organisation', () => checkAmendmentWithdrawal({ amendment: amendment('proposed'), actor: act('org_B') }), 'amendment.not-proposer'],
    ['a withdrawal after a rejection', () => checkAmendmentWithdrawal({ amendment: amendment('rejected'), actor: act('org_A') }), 'amendment.rejected'],
    ['resolving an open thread', () => checkThreadMove({ thread: { status: 'open' }, to: 'resolved' }), null],
    ['resolving a resolved thread', () => checkThreadMove({ thread: { status: 'resolved' }, to: 'resolved' }), 'comment.already-resolved'],
    ['reopening a resolved thread', () => checkThreadMove({ thread: { status: 'resolved' }, to: 'open' }), null],
    ['reopening an open thread', () => checkThreadMove({ thread: { status: 'open' }, to: 'open' }), 'comment.already-open'],
    ['replying to an open thread', () => checkReply({ thread: { status: 'open', messages: [] } }), null],
    ['replying to a resolved thread', () => checkReply({ thread: { status: 'resolved', messages: [] } }), 'comment.thread-resolved'],
    ['replying to a full thread', () => checkReply({ thread: { status: 'open', messages: Array(negotiationLimits.messagesMax).fill(null) } }), 'comment.thread-full'],
    ['agreeing an open bracket', () => checkBracketMove({ bracket: { status: 'open' }, to: 'agreed' }), null],
    ['settling an agreed bracket', () => checkBracketMove({ bracket: { status: 'agreed' }, to: 'settled' }), 'bracket.closed'],
    ['joining an open bracket', () => checkJoin({ bracket: bracket('open'), organisationId: 'org_B' }), null],
    ['joining a bracket twice', () => checkJoin({ bracket: bracket('open'), organisationId: 'org_A' }), 'bracket.already-held'],
    ['joining a settled bracket', () => checkJoin({ bracket: bracket('settled'), organisationId: 'org_B' }), 'bracket.closed'],
    ['leaving a bracket held', () => checkLeave({ bracket: bracket('open'), organisationId: 'org_A' }), null],
    ['leaving a bracket not held', () => checkLeave({ bracket: bracket('open'), organisationId: 'org_B' }), 'bracket.not-held'],
    ['a first alternative', () => checkNewAlternative({ bracket: bracket('open') }), null],
    ['one alternative too many', () => checkNewAlternative({ bracket: bracket('open', [], negotiationLimits.alternativesMax) }), 'bracket.too-many-alternatives'],
  ])('%s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code);
  });
});

describe('the input checks', () => {
  it.each<[string, () => unknown, string | null]>([
    ['a comment', () => checkCommentBody({ body: '  Why "shall"?  ' }), null],
    ['a blank comment', () => checkCommentBody({ body: ' \n ' }), 'comment.body-empty'],
    ['a comment too long', () => checkCommentBody({ body: 'x'.repeat(negotiationLimits.bodyMax + 1) }), 'comment.body-too-long'],
    ['known mentions', () => checkMentions({ mentions: ['org_A', 'org_A'], known: new Set(['org_A']), shared: new Set(['org_A']) }), null],
    ['an unknown mention', () => checkMentions({ mentions: ['org_Z'], known: new Set(['org_A']), shared: new Set(['org_A']) }), 'comment.mention-unknown'],
    ['an organisation the draft is not shared with', () => checkMentions({ mentions: ['org_B'], known: new Set(['org_A', 'org_B']), shared: new Set(['org_A']) }), 'comment.mention-not-shared'],
    ['a replacement', () => checkAmendmentText({ original: 'shall', replacement: 'should', reason: 'softer' }), null],
    ['a deletion', () => checkAmendmentText({ original: 'very ', replacement: '', reason: 'shorter' }), null],
    ['an insertion', () => checkAmendmentText({ original: '', replacement: ' online', reason: 'scope' }), null],
    ['an empty insertion', () => checkAmendmentText({ original: '', replacement: '  ', reason: 'why' }), 'amendment.empty'],
    ['no change', () => checkAmendmentText({ original: 'shall', replacement: 'shall', reason: 'why' }), 'amendment.unchanged'],
    ['no reason', () => checkAmendmentText({ original: 'shall', replacement: 'should', reason: ' ' }), 'amendment.reason-empty'],
    ['a replacement too long', () => checkAmendmentText({ original: 'a', replacement: 'x'.repeat(negotiationLimits.replacementMax + 1), reason: 'r' }), 'amendment.replacement-too-long'],
    ['an alternative', () => checkAlternative({ text: 'may' }), null],
    ['a blank alternative', () => checkAlternative({ text: '\n' }), 'bracket.alternative-empty'],
    ['a quote', () => checkQuote({ quote: 'human rights', kind: 'bracket' }), null],
    ['an empty quote', () => checkQuote({ quote: ' ', kind: 'comment' }), 'comment.range-empty'],
  ])('%s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code);
  });

  it('keeps the spaces of a replacement and puts it on one line', () => {
    expect(checkAmendmentText({ original: '', replacement: ' and\nonline', reason: 'r' }).replacement).toBe(' and online');
  });
});

describe('the actions offered', () => {
  it.each<[string, NegotiationPermissions, AmendmentStatus, string, string[]]>([
    ['a decider on a proposed amendment of another organisation', everything, 'proposed', 'org_B', ['support', 'oppose', 'accept', 'reject']],
    ['the proposing organisation', advisory, 'proposed', 'org_A', ['support', 'oppose', 'withdraw']],
    ['an observer', observer, 'proposed', 'org_B', []],
    ['a decider on an accepted amendment', everything, 'accepted', 'org_B', ['revert']],
    ['a decider on a rejected amendment', everything, 'rejected', 'org_B', []],
  ])('on amendments: %s', (_name, can, status, actorOrg, expected) => {
    expect(amendmentActions({ amendment: amendment(status), actor: act(actorOrg), can })).toEqual(expected);
  });

  it.each<[string, NegotiationPermissions, Pick<Bracket, 'status' | 'holders' | 'alternatives'>, string[]]>([
    ['a holder', everything, bracket('open', ['org_A'], 1), ['leave', 'add-alternative', 'agree', 'choose-alternative']],
    ['a holder, of a bracket without alternatives', everything, bracket('open', ['org_A']), ['leave', 'add-alternative', 'agree']],
    ['a member not holding it, even one who decides amendments', everything, bracket('open', ['org_B'], 1), ['join', 'add-alternative']],
    ['the chair not holding it', { ...everything, rule: true }, bracket('open', ['org_B'], 1), ['join', 'add-alternative', 'rule']],
    ['an advisory organisation', advisory, bracket('open'), []],
    ['anyone on a settled bracket', everything, bracket('settled'), []],
  ])('on brackets: %s', (_name, can, subject, expected) => {
    expect(bracketActions({ bracket: subject, actor: act('org_A'), can })).toEqual(expected);
  });

  it.each<[NegotiationPermissions, 'open' | 'resolved', string[]]>([
    [advisory, 'open', ['reply', 'resolve']],
    [advisory, 'resolved', ['reopen']],
    [observer, 'open', []],
  ])('on threads (%#)', (can, status, expected) => {
    expect(threadActions({ thread: { status }, can })).toEqual(expected);
  });
});

describe('isClean', () => {
  it.each<[string, BracketStatus[], boolean]>([
    ['no brackets', [], true],
    ['only lifted brackets', ['agreed', 'settled'], true],
    ['one open bracket among lifted ones', ['agreed', 'open'], false],
  ])('%s → %s', (_name, statuses, clean) => {
    expect(isClean(statuses.map((status) => ({ status })))).toBe(clean);
  });
});

describe('bracketedShare', () => {
  it.each<[string, { from: number; to: number }[], number, number]>([
    ['nothing bracketed', [], 100, 0],
    ['one range', [{ from: 10, to: 30 }], 100, 0.2],
    ['overlapping ranges count once', [{ from: 10, to: 30 }, { from: 20, to: 40 }], 100, 0.3],
    ['a range inside another', [{ from: 0, to: 50 }, { from: 10, to: 20 }], 100, 0.5],
    ['empty and inverted ranges count nothing', [{ from: 5, to: 5 }, { from: 9, to: 3 }], 100, 0],
    ['ranges beyond the text are cut', [{ from: 90, to: 200 }], 100, 0.1],
    ['an empty text', [{ from: 0, to: 3 }], 0, 0],
  ])('%s', (_name, ranges, totalChars, share) => {
    expect(bracketedShare({ ranges, totalChars })).toBeCloseTo(share, 10);
  });
});
