import type { Bracket } from '@concord/core';
import { createNegotiationStore } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const docId = 'stmt_BRACKETS';
const at = Date.UTC(2026, 10, 23, 12);
const by = (organisationId: string) => ({ userId: `usr_${organisationId}`, organisationId, at });
const holder = (organisationId: string) => ({ organisationId, userId: `usr_${organisationId}`, at });

function bracket(id: string, holders: string[] = ['org_A']): Bracket {
  return {
    id, statementId: docId, anchor: { from: 'AAEC', to: 'AAED' }, quote: 'shall', openedBy: by(holders[0] ?? 'org_A'), status: 'open',
    holders: holders.map(holder), alternatives: [{ id: 'alt_1', text: 'should', proposedBy: by('org_A') }], closedBy: null, chosenAlternativeId: null, applied: null,
  };
}

/** `jitterMs`: random delays before each request, so concurrent calls interleave at every step. */
async function store(jitterMs?: number) {
  return createNegotiationStore(await startDynalite({ jitterMs }));
}

describe('the negotiation store: brackets', () => {
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
    expect(await notes.getBracket({ docId, bracketId: 'brk_3' })).toMatchObject({ status: 'agreed', holders: [] });
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

  it('takes alternatives up to the limit, and lifts a bracket by agreement once', async () => {
    const notes = await store();
    await notes.openBracket({ bracket: bracket('brk_4') });
    const added = await Promise.all(
      Array.from({ length: 6 }, (_, n) => notes.addAlternative({ docId, bracketId: 'brk_4', alternative: { id: `alt_${n + 2}`, text: `wording ${n}`, proposedBy: by('org_B') } })),
    );
    expect(added.filter(Boolean)).toHaveLength(4);
    expect((await notes.getBracket({ docId, bracketId: 'brk_4' }))?.alternatives).toHaveLength(5);
    const agreed = await Promise.all(['org_P', 'org_Q'].map((org) => notes.agreeBracket({ docId, bracketId: 'brk_4', by: by(org) })));
    expect(agreed.filter(Boolean)).toHaveLength(1);
    expect(await notes.addAlternative({ docId, bracketId: 'brk_4', alternative: { id: 'alt_late', text: 'late', proposedBy: by('org_B') } })).toBe(false);
  });

  it('settles with an alternative through the change lock, and refuses agreement while a change holds it', async () => {
    const notes = await store();
    await notes.openBracket({ bracket: bracket('brk_5') });
    const target = { kind: 'bracket', id: 'brk_5' } as const;
    expect(await notes.lockChange({ docId, target, status: 'open', token: 'tok', until: at + 1 })).toBe(true);
    expect(await notes.agreeBracket({ docId, bracketId: 'brk_5', by: by('org_P') })).toBe(false);
    const applied = { from: 'AAEE', to: 'AAEF' };
    expect(await notes.completeChange({ docId, token: 'tok', outcome: { kind: 'settled', bracketId: 'brk_5', by: by('org_P'), alternativeId: 'alt_1', applied } })).toBe(true);
    expect(await notes.getBracket({ docId, bracketId: 'brk_5' })).toMatchObject({ status: 'settled', chosenAlternativeId: 'alt_1', applied, closedBy: by('org_P'), lock: null });
  });
});
