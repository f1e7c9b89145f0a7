import { describe, expect, it } from 'vitest';
import { codeOf } from './testing/code-of.ts';
import { negotiationLimits, type Bracket, type BracketHolder, type BracketStatus } from './negotiation.ts';
import { bracketActions, bracketConsent, checkAgreement, checkRuling, type NegotiationPermissions } from './negotiation-rules.ts';

/** A holder, and what it agreed to: `undefined` nothing yet, `null` the text as it stands, else an alternative. */
const holder = (organisationId: string, agreed?: string | null): BracketHolder => ({
  organisationId,
  userId: `usr_${organisationId}`,
  at: 1,
  agreement: agreed === undefined ? null : { alternativeId: agreed, userId: `usr_${organisationId}`, at: 2 },
});
const bracket = (holders: BracketHolder[], status: BracketStatus = 'open'): Pick<Bracket, 'status' | 'holders' | 'alternatives'> => ({
  status,
  holders,
  alternatives: [
    { id: 'alt_1', text: 'should', proposedBy: { userId: 'usr_NL', organisationId: 'org_NL', at: 1 } },
    { id: 'alt_2', text: 'may', proposedBy: { userId: 'usr_CA', organisationId: 'org_CA', at: 1 } },
  ],
});

describe('bracketConsent', () => {
  it.each<[string, BracketHolder[], { alternativeId: string | null } | null]>([
    ['one holder of two agreed: the bracket stays', [holder('org_NL'), holder('org_CA', 'alt_1')], null],
    ['both agreed on the same alternative', [holder('org_NL', 'alt_1'), holder('org_CA', 'alt_1')], { alternativeId: 'alt_1' }],
    ['both agreed on the text as it stands', [holder('org_NL', null), holder('org_CA', null)], { alternativeId: null }],
    ['they agreed on different alternatives', [holder('org_NL', 'alt_1'), holder('org_CA', 'alt_2')], null],
    ['one on an alternative, one on the text as it stands', [holder('org_NL', null), holder('org_CA', 'alt_1')], null],
    ['a single holder agreed', [holder('org_NL', 'alt_2')], { alternativeId: 'alt_2' }],
    ['three holders, the last not yet', [holder('org_NL', 'alt_1'), holder('org_CA', 'alt_1'), holder('org_GH')], null],
    ['nobody holds it', [], null],
  ])('%s', (_name, holders, consent) => {
    expect(bracketConsent({ bracket: { holders } })).toEqual(consent);
  });
});

describe('checkAgreement', () => {
  it.each<[string, () => unknown, string | null]>([
    ['a holder agrees on an alternative', () => checkAgreement({ bracket: bracket([holder('org_NL')]), organisationId: 'org_NL', alternativeId: 'alt_1' }), null],
    ['a holder agrees on the text as it stands', () => checkAgreement({ bracket: bracket([holder('org_NL')]), organisationId: 'org_NL', alternativeId: null }), null],
    ['a holder changes its agreement', () => checkAgreement({ bracket: bracket([holder('org_NL', 'alt_1')]), organisationId: 'org_NL', alternativeId: 'alt_2' }), null],
    ['an organisation not holding it', () => checkAgreement({ bracket: bracket([holder('org_NL')]), organisationId: 'org_CA', alternativeId: 'alt_1' }), 'bracket.not-holder'],
    ['an alternative the bracket lacks', () => checkAgreement({ bracket: bracket([holder('org_NL')]), organisationId: 'org_NL', alternativeId: 'alt_9' }), 'bracket.alternative-unknown'],
    ['the same agreement twice', () => checkAgreement({ bracket: bracket([holder('org_NL', 'alt_1')]), organisationId: 'org_NL', alternativeId: 'alt_1' }), 'bracket.already-agreed'],
    ['a lifted bracket', () => checkAgreement({ bracket: bracket([holder('org_NL')], 'settled'), organisationId: 'org_NL', alternativeId: 'alt_1' }), 'bracket.closed'],
  ])('%s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code);
  });
});

describe('checkRuling', () => {
  it.each<[string, () => unknown, string | null]>([
    ['with an alternative and a reason', () => checkRuling({ bracket: bracket([holder('org_NL')]), alternativeId: 'alt_2', reason: 'Agreed in the room on 3 May.' }), null],
    ['as the text stands, with a reason', () => checkRuling({ bracket: bracket([holder('org_NL')]), alternativeId: null, reason: 'Consensus in the meeting.' }), null],
    ['without a reason', () => checkRuling({ bracket: bracket([holder('org_NL')]), alternativeId: 'alt_1', reason: '  ' }), 'bracket.ruling-reason-empty'],
    ['a reason too long', () => checkRuling({ bracket: bracket([]), alternativeId: null, reason: 'x'.repeat(negotiationLimits.reasonMax + 1) }), 'bracket.ruling-reason-too-long'],
    ['an alternative the bracket lacks', () => checkRuling({ bracket: bracket([]), alternativeId: 'alt_9', reason: 'why' }), 'bracket.alternative-unknown'],
    ['a lifted bracket', () => checkRuling({ bracket: bracket([], 'agreed'), alternativeId: null, reason: 'why' }), 'bracket.closed'],
  ])('%s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code);
  });

  it('trims the reason and names the alternative', () => {
    const ruling = checkRuling({ bracket: bracket([]), alternativeId: 'alt_2', reason: '  In the room.  ' });
    expect(ruling).toMatchObject({ reason: 'In the room.', alternative: { id: 'alt_2', text: 'may' } });
  });
});

describe('bracketActions for agreeing', () => {
  const member: NegotiationPermissions = { comment: true, propose: true, decide: false, bracket: true, rule: false };
  const actor = { userId: 'usr_NL', organisationId: 'org_NL' };

  it('does not offer agreeing again to what the holder agreed to', () => {
    expect(bracketActions({ bracket: bracket([holder('org_NL', null)]), actor, can: member })).toEqual(['leave', 'add-alternative', 'choose-alternative']);
  });

  it('offers ruling to the chair only', () => {
    expect(bracketActions({ bracket: bracket([holder('org_CA')]), actor, can: { ...member, rule: true } })).toContain('rule');
    expect(bracketActions({ bracket: bracket([holder('org_CA')]), actor, can: { ...member, decide: true } })).not.toContain('rule');
  });
});
