import type { ConsensusCall, Position } from '@concord/core';
import { createCallStore } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const deadline = Date.UTC(2026, 11, 1, 15);
const members = ['org_EE', 'org_FI', 'org_GH'];

function newCall(id: string, fields: Partial<ConsensusCall> = {}): ConsensusCall {
  return {
    id, statementId: 'stmt_1', coalitionId: 'coal_1', version: { seq: 3, hash: 'a'.repeat(64), name: 'Rev. 2' },
    procedure: { kind: 'silence' }, deadline, timeZone: 'Europe/Tallinn', resultsVisibility: 'after-close',
    openedBy: { userId: 'usr_chair', organisationId: 'org_EE', onBehalfOfChair: false }, openedAt: deadline - 7 * 86_400_000,
    status: 'open', electorate: members, positions: [], extensions: [], closedAt: null, closedBy: null,
    withdrawnAt: null, withdrawnBy: null, outcome: null, reminders: [], ...fields,
  };
}
const position = (organisationId: string, stance: Position['stance'], extra: Partial<Position> = {}): Position => ({
  organisationId, stance, confirmed: false, reason: stance === 'object' ? 'Not yet.' : null, explanation: null, actedBy: 'usr_1', at: deadline - 60_000, ...extra,
});

async function store() {
  const { client, tableName } = await startDynalite();
  return createCallStore({ client, tableName });
}

describe('the call store', () => {
  it('keeps one current position per organisation and every change, with reasons and explanations', async () => {
    const calls = await store();
    await calls.create(newCall('call_1'));
    await calls.takePosition({ callId: 'call_1', position: position('org_FI', 'object', { reason: 'Paragraph 4.' }), now: deadline - 120_000 });
    await calls.takePosition({ callId: 'call_1', position: position('org_FI', 'support', { explanation: 'We join after consultations.' }), now: deadline - 60_000 });
    const call = await calls.get('call_1');
    expect(call?.positions).toEqual([expect.objectContaining({ organisationId: 'org_FI', stance: 'support', explanation: 'We join after consultations.' })]);
    expect((await calls.history('call_1')).map((c) => [c.stance, c.reason])).toEqual([['object', 'Paragraph 4.'], ['support', null]]);
  });

  it('gives twenty delegates of one organisation acting at once exactly one current position and a complete history', async () => {
    const calls = await store();
    await calls.create(newCall('call_20'));
    const stances = ['support', 'abstain', 'object', 'support-ad-referendum'] as const;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        calls.takePosition({ callId: 'call_20', position: position('org_GH', stances[i % 4]!, { actedBy: `usr_${i}` }), now: deadline - 1_000 }),
      ),
    );
    expect(results.every((r) => r === 'ok')).toBe(true);
    const call = await calls.get('call_20');
    expect(call?.positions).toHaveLength(1);
    const history = await calls.history('call_20');
    expect(history).toHaveLength(20);
    expect(new Set(history.map((c) => c.actedBy)).size).toBe(20);
    expect(history.map((c) => c.actedBy)).toContain(call?.positions[0]?.actedBy);
  });

  it('records exactly one outcome when two chairs close at once, from the stored positions only', async () => {
    const calls = await store();
    await calls.create(newCall('call_close'));
    await calls.takePosition({ callId: 'call_close', position: position('org_GH', 'object'), now: deadline - 5_000 });
    const [a, b] = await Promise.all([
      calls.close({ callId: 'call_close', by: 'usr_chair', now: deadline - 1_000 }),
      calls.close({ callId: 'call_close', by: 'usr_secretariat', now: deadline - 1_000 }),
    ]);
    expect([a, b].filter((result) => result !== null)).toHaveLength(1);
    const closed = await calls.get('call_close');
    expect(closed?.status).toBe('closed');
    expect(closed?.outcome).toMatchObject({ result: 'not-adopted', reasons: ['objection'] });
    expect(await calls.takePosition({ callId: 'call_close', position: position('org_GH', 'support'), now: deadline - 500 })).toBe('closed');
    expect((await calls.get('call_close'))?.positions[0]?.stance).toBe('object');
    expect((await calls.history('call_close')).at(-1)?.voided).toBe(true);
  });

  it('refuses a position at the deadline, and a close by the system before it', async () => {
    const calls = await store();
    await calls.create(newCall('call_edge'));
    expect(await calls.takePosition({ callId: 'call_edge', position: position('org_EE', 'support'), now: deadline })).toBe('closed');
    expect(await calls.close({ callId: 'call_edge', by: null, now: deadline - 1 })).toBeNull();
    const closed = await calls.close({ callId: 'call_edge', by: null, now: deadline });
    expect(closed?.outcome).toMatchObject({ result: 'adopted', tally: { silent: 3 } });
    expect(closed?.closedBy).toBeNull();
  });

  it('lists open calls past their deadline for the scheduler, follows extensions, and forgets closed ones', async () => {
    const calls = await store();
    await calls.create(newCall('call_a'));
    await calls.create(newCall('call_b', { deadline: deadline + 3_600_000 }));
    expect(await calls.listDue({ now: deadline })).toEqual(['call_a']);
    expect(await calls.extend({ callId: 'call_a', from: deadline, deadline: deadline + 7_200_000, by: 'usr_chair', now: deadline - 10, reason: 'Capitals need a day.' })).toBe(true);
    expect(await calls.extend({ callId: 'call_a', from: deadline, deadline: deadline + 9_000_000, by: 'usr_chair', now: deadline - 10 })).toBe(false);
    expect(await calls.listDue({ now: deadline + 3_600_000 })).toEqual(['call_b']);
    expect((await calls.get('call_a'))?.extensions).toEqual([{ from: deadline, to: deadline + 7_200_000, by: 'usr_chair', at: deadline - 10, reason: 'Capitals need a day.' }]);
    await calls.close({ callId: 'call_b', by: null, now: deadline + 3_600_000 });
    expect(await calls.withdraw({ callId: 'call_a', by: 'usr_chair', now: deadline })).toBe(true);
    // Closed and withdrawn calls stay due until what follows them (thaw, notices) is done.
    expect((await calls.listDue({ now: deadline + 86_400_000 })).sort()).toEqual(['call_a', 'call_b']);
    await calls.settle({ callId: 'call_a' });
    await calls.settle({ callId: 'call_b' });
    expect(await calls.listDue({ now: deadline + 86_400_000 })).toEqual([]);
    expect((await calls.listByStatement('stmt_1')).map((c) => c.status).sort()).toEqual(['closed', 'withdrawn']);
  });

  it('marks each reminder sent once', async () => {
    const calls = await store();
    await calls.create(newCall('call_r'));
    expect(await calls.markReminded({ callId: 'call_r', reminder: 'reminder-24h@1' })).toBe(true);
    expect(await calls.markReminded({ callId: 'call_r', reminder: 'reminder-24h@1' })).toBe(false);
    expect((await calls.get('call_r'))?.reminders).toEqual(['reminder-24h@1']);
  });
});
