import { describe, expect, it } from 'vitest';
import { codeOf } from './testing/code-of.ts';
import { canCloseEarly, checkExtension, checkPosition, computeOutcome, isDue, remindersDue, type CallState, type Position, type Stance } from './calls.ts';

const deadline = Date.UTC(2026, 11, 1, 15);
const members = ['org_EE', 'org_FI', 'org_GH', 'org_CA'];
const silence: CallState = { status: 'open', procedure: { kind: 'silence' }, deadline, electorate: members };
const explicit = (quorum: number): CallState => ({ ...silence, procedure: { kind: 'explicit', quorum } });

const position = (organisationId: string, stance: Stance, extra: Partial<Position> = {}): Position => ({
  organisationId, stance, confirmed: false, reason: stance === 'object' ? 'Paragraph 3 goes too far.' : null, explanation: null, actedBy: 'usr_x', at: deadline - 1, ...extra,
});

describe('computeOutcome', () => {
  it.each<[string, CallState, Position[], 'adopted' | 'not-adopted', string[]]>([
    ['silence kept: nobody replied', silence, [], 'adopted', []],
    ['silence kept with support and an abstention', silence, [position('org_EE', 'support'), position('org_FI', 'abstain')], 'adopted', []],
    ['silence broken by one objection', silence, [position('org_EE', 'support'), position('org_GH', 'object')], 'not-adopted', ['objection']],
    ['ad referendum confirmed before the deadline', silence, [position('org_CA', 'support-ad-referendum', { confirmed: true })], 'adopted', []],
    ['ad referendum never confirmed', silence, [position('org_CA', 'support-ad-referendum')], 'not-adopted', ['ad-referendum-unconfirmed']],
    ['explicit: everyone replied, no objection', explicit(1), members.map((m) => position(m, 'support')), 'adopted', []],
    ['explicit: quorum of half met exactly (2 of 4)', explicit(0.5), [position('org_EE', 'support'), position('org_FI', 'abstain')], 'adopted', []],
    ['explicit: quorum missed (1 of 4 for half)', explicit(0.5), [position('org_EE', 'support')], 'not-adopted', ['quorum-missed']],
    ['explicit: abstentions count toward the quorum', explicit(0.75), [position('org_EE', 'abstain'), position('org_FI', 'abstain'), position('org_GH', 'support')], 'adopted', []],
    ['explicit: an objection and a missed quorum both say why', explicit(1), [position('org_EE', 'object')], 'not-adopted', ['objection', 'quorum-missed']],
    ['explicit: a quorum of a third rounds up (2 of 4)', explicit(1 / 3), [position('org_EE', 'support')], 'not-adopted', ['quorum-missed']],
    ['positions of organisations outside the electorate do not count', silence, [position('org_NEW', 'object')], 'adopted', []],
  ])('%s', (_name, call, positions, result, reasons) => {
    const outcome = computeOutcome({ call, positions });
    expect(outcome.result).toBe(result);
    expect(outcome.reasons).toEqual(reasons);
  });

  it('tallies every kind of position and the silent members', () => {
    const outcome = computeOutcome({
      call: silence,
      positions: [position('org_EE', 'support'), position('org_FI', 'support-ad-referendum'), position('org_GH', 'object')],
    });
    expect(outcome.tally).toEqual({ support: 1, supportAdReferendumConfirmed: 0, supportAdReferendumUnconfirmed: 1, abstain: 0, object: 1, silent: 1 });
  });
});

describe('checkPosition', () => {
  it('accepts a position until the deadline, and not at it', () => {
    expect(checkPosition({ call: silence, position: position('org_EE', 'support'), now: deadline - 1 }).at).toBe(deadline - 1);
    expect(codeOf(() => checkPosition({ call: silence, position: position('org_EE', 'support'), now: deadline }))).toBe('call.deadline-passed');
  });

  it('requires a written reason to object, and keeps reasons only for objections', () => {
    expect(codeOf(() => checkPosition({ call: silence, position: position('org_EE', 'object', { reason: '   ' }), now: 0 }))).toBe('call.reason-required');
    expect(checkPosition({ call: silence, position: position('org_EE', 'support', { reason: 'stray' }), now: 0 }).reason).toBeNull();
  });

  it('refuses organisations outside the electorate and closed or withdrawn calls', () => {
    expect(codeOf(() => checkPosition({ call: silence, position: position('org_OBS', 'support'), now: 0 }))).toBe('call.not-in-electorate');
    expect(codeOf(() => checkPosition({ call: { ...silence, status: 'withdrawn' }, position: position('org_EE', 'support'), now: 0 }))).toBe('call.not-open');
  });

  it('confirms only ad referendum support', () => {
    expect(checkPosition({ call: silence, position: position('org_EE', 'support', { confirmed: true }), now: 0 }).confirmed).toBe(false);
    expect(checkPosition({ call: silence, position: position('org_EE', 'support-ad-referendum', { confirmed: true }), now: 0 }).confirmed).toBe(true);
  });
});

describe('checkExtension', () => {
  it('moves the deadline later only, while the call is open', () => {
    expect(codeOf(() => checkExtension({ call: silence, deadline: deadline + 3_600_000, now: deadline - 10 }))).toBeNull();
    expect(codeOf(() => checkExtension({ call: silence, deadline: deadline - 1, now: 0 }))).toBe('call.extension-not-later');
    expect(codeOf(() => checkExtension({ call: silence, deadline: deadline + 1, now: deadline }))).toBe('call.deadline-passed');
  });
});

describe('canCloseEarly and isDue', () => {
  it('lets the chair close early once every member replied, and the scheduler close at the deadline', () => {
    const three = members.slice(0, 3).map((m) => position(m, 'support'));
    expect(canCloseEarly({ call: silence, positions: three, now: 0 })).toBe(false);
    expect(canCloseEarly({ call: silence, positions: [...three, position('org_CA', 'abstain')], now: 0 })).toBe(true);
    expect(isDue({ call: silence, now: deadline - 1 })).toBe(false);
    expect(isDue({ call: silence, now: deadline })).toBe(true);
    expect(isDue({ call: { ...silence, status: 'closed' }, now: deadline + 1 })).toBe(false);
  });
});

describe('remindersDue', () => {
  it('reminds once, 24 hours before the deadline, and again after an extension', () => {
    const dayBefore = deadline - 24 * 3_600_000;
    expect(remindersDue({ call: silence, now: dayBefore - 1, sent: [] })).toEqual([]);
    const first = remindersDue({ call: silence, now: dayBefore, sent: [] });
    expect(first).toHaveLength(1);
    expect(remindersDue({ call: silence, now: dayBefore + 5, sent: first })).toEqual([]);
    const extended = { ...silence, deadline: deadline + 48 * 3_600_000 };
    expect(remindersDue({ call: extended, now: extended.deadline - 3_600_000, sent: first })).toHaveLength(1);
  });
});
