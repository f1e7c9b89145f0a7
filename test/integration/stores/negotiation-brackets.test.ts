import type { Bracket } from '@concord/core';
import { createNegotiationStore } from '@concord/data';
import { createMemoryNegotiationStore } from '@concord/negotiation/memory';
import type { NegotiationStore } from '@concord/negotiation/ports';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const docId = 'stmt_BRACKETS';
const at = Date.UTC(2026, 10, 23, 12);
const by = (organisationId: string) => ({ userId: `usr_${organisationId}`, organisationId, at });
const holder = (organisationId: string) => ({ organisationId, userId: `usr_${organisationId}`, at, agreement: null });

function bracket(id: string, holders: string[] = ['org_A']): Bracket {
  return {
    id, statementId: docId, anchor: { from: 'AAEC', to: 'AAED' }, quote: 'shall', openedBy: by(holders[0] ?? 'org_A'), status: 'open',
    holders: holders.map(holder), alternatives: [{ id: 'alt_1', text: 'should', proposedBy: by('org_A') }], closedBy: null, chosenAlternativeId: null, applied: null, lift: null, ruling: null,
  };
}

/**
 * The NegotiationStore contract (`@concord/negotiation`'s ports) over the DynamoDB store on dynalite
 * and the in-memory one. `jitterMs`: random delays before each DynamoDB request, so concurrent
 * calls interleave at every step.
 */
const stores: [string, (jitterMs?: number) => Promise<NegotiationStore>][] = [
  ['dynalite', async (jitterMs) => createNegotiationStore(await startDynalite({ jitterMs }))],
  ['memory', async () => createMemoryNegotiationStore()],
];

describe.each(stores)('the negotiation store: brackets (%s)', (_name, store) => {
  it('opens a bracket with its holder and alternatives, and lists them', async () => {
    const notes = await store();
    await notes.openBracket({ bracket: bracket('brk_1') });
    const [listed] = (await notes.list({ docId })).brackets;
    expect(listed).toMatchObject({ id: 'brk_1', status: 'open', quote: 'shall', holders: [holder('org_A')], alternatives: [{ id: 'alt_1', text: 'should' }] });
  });

  it('keeps one holder when an organisation joins twice at once', async () => {
    const notes = await store();
    await notes.openBracket({ bracket: bracket('brk_2') });
    const results = await Promise.all(Array.from({ length: 8 }, () => notes.joinBracket({ docId, bracketId: 'brk_2', holder: holder('org_B') })));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'already')).toHaveLength(7);
    expect((await notes.getBracket({ docId, bracketId: 'brk_2' }))?.holders.map((h) => h.organisationId)).toEqual(['org_A', 'org_B']);
  });

  it('is lifted when its last holder leaves, once, even when the last two leave together', async () => {
    const notes = await store();
    await notes.openBracket({ bracket: bracket('brk_3', ['org_A', 'org_B']) });
    const results = await Promise.all(['org_A', 'org_B'].map((org) => notes.leaveBracket({ docId, bracketId: 'brk_3', by: by(org) })));
    expect(results.sort()).toEqual(['left', 'released']);
    expect(await notes.getBracket({ docId, bracketId: 'brk_3' })).toMatchObject({ status: 'agreed', holders: [], lift: 'released' });
    expect(await notes.leaveBracket({ docId, bracketId: 'brk_3', by: by('org_A') })).toBe('not-held');
    expect(await notes.joinBracket({ docId, bracketId: 'brk_3', holder: holder('org_C') })).toBe('closed');
    expect((await notes.getBracket({ docId, bracketId: 'brk_3' }))?.holders).toEqual([]);
  });

  it('never ends lifted with a holder, nor open without one, when a join races the last leave', async () => {
    const notes = await store(6);
    for (let round = 0; round < 12; round++) {
      const bracketId = `brk_race${round}`;
      await notes.openBracket({ bracket: bracket(bracketId, ['org_A']) });
      const [left, joined] = await Promise.all([
        notes.leaveBracket({ docId, bracketId, by: by('org_A') }),
        notes.joinBracket({ docId, bracketId, holder: holder('org_B') }),
      ]);
      const stored = await notes.getBracket({ docId, bracketId });
      if (stored?.status === 'agreed') {
        expect([left, joined, stored.holders]).toEqual(['released', 'closed', []]);
      } else {
        expect([left, joined, stored?.holders.map((h) => h.organisationId)]).toEqual(['left', 'ok', ['org_B']]);
      }
    }
  });

  it('takes alternatives up to the limit, and lifts a bracket by ruling once', async () => {
    const notes = await store();
    await notes.openBracket({ bracket: bracket('brk_4') });
    const added = await Promise.all(
      Array.from({ length: 6 }, (_, n) => notes.addAlternative({ docId, bracketId: 'brk_4', alternative: { id: `alt_${n + 2}`, text: `wording ${n}`, proposedBy: by('org_B') } })),
    );
    expect(added.filter(Boolean)).toHaveLength(4);
    expect((await notes.getBracket({ docId, bracketId: 'brk_4' }))?.alternatives).toHaveLength(5);
    const agreed = await Promise.all(['org_P', 'org_Q'].map((org) => notes.liftBracket({ docId, bracketId: 'brk_4', by: by(org), lift: 'ruling', ruling: 'In the room.', rev: null })));
    expect(agreed.filter(Boolean)).toHaveLength(1);
    expect(await notes.addAlternative({ docId, bracketId: 'brk_4', alternative: { id: 'alt_late', text: 'late', proposedBy: by('org_B') } })).toBe(false);
  });

  it('settles with an alternative through the change lock, and refuses agreement while a change holds it', async () => {
    const notes = await store();
    await notes.openBracket({ bracket: bracket('brk_5') });
    const target = { kind: 'bracket', id: 'brk_5' } as const;
    expect(await notes.lockChange({ docId, target, status: 'open', token: 'tok', until: at + 1 })).toBe(true);
    expect(await notes.liftBracket({ docId, bracketId: 'brk_5', by: by('org_P'), lift: 'ruling', ruling: 'r', rev: null })).toBe(false);
    const applied = { from: 'AAEE', to: 'AAEF' };
    expect(await notes.completeChange({ docId, token: 'tok', outcome: { kind: 'settled', bracketId: 'brk_5', by: by('org_P'), alternativeId: 'alt_1', applied, lift: 'consent', ruling: null } })).toBe(true);
    expect(await notes.getBracket({ docId, bracketId: 'brk_5' })).toMatchObject({ status: 'settled', chosenAlternativeId: 'alt_1', applied, closedBy: by('org_P'), lock: null, lift: 'consent' });
  });

  it('records each holder\'s agreement, and a lift by consent read before a new agreement fails', async () => {
    const notes = await store();
    await notes.openBracket({ bracket: bracket('brk_6', ['org_A', 'org_B']) });
    const agreement = (organisationId: string, alternativeId: string | null) => ({ alternativeId, userId: `usr_${organisationId}`, at });
    expect(await notes.recordAgreement({ docId, bracketId: 'brk_6', organisationId: 'org_A', agreement: agreement('org_A', 'alt_1'), previous: null })).toBe('ok');
    expect(await notes.recordAgreement({ docId, bracketId: 'brk_6', organisationId: 'org_C', agreement: agreement('org_C', 'alt_1'), previous: null })).toBe('not-held');
    const read = await notes.getBracket({ docId, bracketId: 'brk_6' });
    expect(read?.holders.map((h) => h.agreement)).toEqual([agreement('org_A', 'alt_1'), null]);
    await notes.recordAgreement({ docId, bracketId: 'brk_6', organisationId: 'org_B', agreement: agreement('org_B', null), previous: null });
    expect(await notes.liftBracket({ docId, bracketId: 'brk_6', by: by('org_A'), lift: 'consent', ruling: null, rev: read?.rev ?? -1 })).toBe(false);
    const now = await notes.getBracket({ docId, bracketId: 'brk_6' });
    expect(await notes.lockChange({ docId, target: { kind: 'bracket', id: 'brk_6' }, status: 'open', token: 't', until: at + 1, rev: read?.rev ?? -1 })).toBe(false);
    expect(await notes.liftBracket({ docId, bracketId: 'brk_6', by: by('org_B'), lift: 'consent', ruling: null, rev: now?.rev ?? -1 })).toBe(true);
    expect(await notes.getBracket({ docId, bracketId: 'brk_6' })).toMatchObject({ status: 'agreed', lift: 'consent', ruling: null, closedBy: by('org_B') });
    expect(await notes.recordAgreement({ docId, bracketId: 'brk_6', organisationId: 'org_A', agreement: agreement('org_A', null), previous: agreement('org_A', 'alt_1') })).toBe('closed');
    expect((await notes.getBracket({ docId, bracketId: 'brk_6' }))?.holders[0]?.agreement).toEqual(agreement('org_A', 'alt_1'));
  });
});
