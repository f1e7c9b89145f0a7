import type { Amendment, CommentThread } from '@concord/core';
import { createNegotiationStore } from '@concord/data';
import { createMemoryNegotiationStore } from '@concord/negotiation/memory';
import type { NegotiationStore } from '@concord/negotiation/ports';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const docId = 'stmt_NOTES';
const anchor = { from: 'AAEC', to: 'AAED' };
const at = Date.UTC(2026, 10, 23, 12);
const by = (organisationId: string, offset = 0) => ({ userId: `usr_${organisationId}`, organisationId, at: at + offset });

function thread(id: string): CommentThread {
  return {
    id, statementId: docId, anchor, quote: 'human rights', author: { userId: 'usr_A', organisationId: 'org_A' }, createdAt: at, status: 'open', statusChangedBy: null,
    messages: [{ id: `msg_${id}`, threadId: id, author: { userId: 'usr_A', organisationId: 'org_A' }, body: 'Why “shall”?', mentions: ['org_B'], at }],
  };
}

function amendment(id: string): Amendment {
  return {
    id, statementId: docId, anchor, original: 'shall', replacement: 'should', reason: 'Softer.', proposedBy: by('org_A'),
    status: 'proposed', positions: [], decidedBy: null, applied: null, revertedBy: null,
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

describe.each(stores)('[DC15] the negotiation store: threads (%s)', (_name, store) => {
  it('lists a thread with its replies in order, and resolves and reopens it once each', async () => {
    const notes = await store();
    await notes.startThread({ thread: thread('thr_1') });
    expect(await notes.addMessage({ docId, message: { id: 'msg_2', threadId: 'thr_1', author: { userId: 'usr_B', organisationId: 'org_B' }, body: 'Because.', mentions: [], at: at + 1 } })).toBe(true);
    const [resolveA, resolveB] = await Promise.all([
      notes.setThreadStatus({ docId, threadId: 'thr_1', from: 'open', to: 'resolved', by: by('org_A') }),
      notes.setThreadStatus({ docId, threadId: 'thr_1', from: 'open', to: 'resolved', by: by('org_B') }),
    ]);
    expect([resolveA, resolveB].filter(Boolean)).toHaveLength(1);
    expect(await notes.addMessage({ docId, message: { id: 'msg_3', threadId: 'thr_1', author: { userId: 'usr_B', organisationId: 'org_B' }, body: 'Late.', mentions: [], at: at + 2 } })).toBe(false);
    const { threads } = await notes.list({ docId });
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ status: 'resolved', quote: 'human rights' });
    expect(threads[0]?.messages.map((m) => m.body)).toEqual(['Why “shall”?', 'Because.']);
    expect(threads[0]?.messages[0]?.mentions).toEqual(['org_B']);
  });

  it('keeps statements apart', async () => {
    const notes = await store();
    await notes.startThread({ thread: thread('thr_1') });
    expect((await notes.list({ docId: 'stmt_OTHER' })).threads).toEqual([]);
    expect(await notes.getThread({ docId: 'stmt_OTHER', threadId: 'thr_1' })).toBeNull();
  });
});

describe.each(stores)('[DC15] the negotiation store: amendments (%s)', (_name, store) => {
  it('keeps one current position per organisation, overwritten, and every change', async () => {
    const notes = await store();
    await notes.propose({ amendment: amendment('amd_1') });
    await notes.setPosition({ docId, change: { amendmentId: 'amd_1', organisationId: 'org_B', stand: 'support', userId: 'usr_B1', at: at + 1 } });
    await notes.setPosition({ docId, change: { amendmentId: 'amd_1', organisationId: 'org_B', stand: 'oppose', userId: 'usr_B2', at: at + 2 } });
    await notes.setPosition({ docId, change: { amendmentId: 'amd_1', organisationId: 'org_C', stand: 'support', userId: 'usr_C', at: at + 3 } });
    await notes.setPosition({ docId, change: { amendmentId: 'amd_1', organisationId: 'org_C', stand: 'none', userId: 'usr_C', at: at + 4 } });
    const stored = await notes.getAmendment({ docId, amendmentId: 'amd_1' });
    expect(stored?.positions).toEqual([{ organisationId: 'org_B', stand: 'oppose', userId: 'usr_B2', at: at + 2 }]);
    const history = await notes.positionHistory({ docId, amendmentId: 'amd_1' });
    expect(history.map((c) => `${c.organisationId}:${c.stand}`)).toEqual(['org_B:support', 'org_B:oppose', 'org_C:support', 'org_C:none']);
  });

  it('lets exactly one of two deciders reject, and refuses positions after the decision', async () => {
    const notes = await store();
    await notes.propose({ amendment: amendment('amd_2') });
    const results = await Promise.all(
      ['org_P', 'org_Q', 'org_R'].map((org) => notes.decideAmendment({ docId, amendmentId: 'amd_2', from: 'proposed', to: 'rejected', by: by(org) })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await notes.setPosition({ docId, change: { amendmentId: 'amd_2', organisationId: 'org_B', stand: 'support', userId: 'usr_B', at } })).toBe(false);
    expect((await notes.getAmendment({ docId, amendmentId: 'amd_2' }))?.status).toBe('rejected');
  });

  it('gives the lock for a change of the text to exactly one of many deciders, and completes it only with its token', async () => {
    const notes = await store(6);
    await notes.propose({ amendment: amendment('amd_3') });
    const target = { kind: 'amendment', id: 'amd_3' } as const;
    const tokens = Array.from({ length: 6 }, (_, n) => `token${n}`);
    const locked = await Promise.all(tokens.map((token) => notes.lockChange({ docId, target, status: 'proposed', token, until: at + 60_000 })));
    expect(locked.filter(Boolean)).toHaveLength(1);
    const winner = tokens[locked.indexOf(true)]!;
    const loser = tokens.find((t) => t !== winner)!;
    expect(await notes.decideAmendment({ docId, amendmentId: 'amd_3', from: 'proposed', to: 'rejected', by: by('org_R') })).toBe(false);
    const applied = { from: 'AAEE', to: 'AAEF' };
    expect(await notes.notePending({ docId, target, token: winner, pending: { client: 42, applied } })).toBe(true);
    expect((await notes.getAmendment({ docId, amendmentId: 'amd_3' }))?.lock).toEqual({ token: winner, until: at + 60_000, pending: { client: 42, applied } });
    const outcome = { kind: 'accepted', amendmentId: 'amd_3', by: by('org_P'), applied } as const;
    expect(await notes.completeChange({ docId, token: loser, outcome })).toBe(false);
    expect(await notes.completeChange({ docId, token: winner, outcome })).toBe(true);
    const accepted = await notes.getAmendment({ docId, amendmentId: 'amd_3' });
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: by('org_P'), applied, lock: null });
  });

  it('releases a lock without a decision, leaving the amendment proposed', async () => {
    const notes = await store();
    await notes.propose({ amendment: amendment('amd_4') });
    const target = { kind: 'amendment', id: 'amd_4' } as const;
    expect(await notes.lockChange({ docId, target, status: 'proposed', token: 't1', until: at })).toBe(true);
    expect(await notes.releaseChange({ docId, target, token: 'other' })).toBe(false);
    expect(await notes.releaseChange({ docId, target, token: 't1' })).toBe(true);
    expect(await notes.getAmendment({ docId, amendmentId: 'amd_4' })).toMatchObject({ status: 'proposed', lock: null });
    expect(await notes.lockChange({ docId, target, status: 'accepted', token: 't2', until: at })).toBe(false);
  });
});
