/**
 * The call service and the scheduler on dynalite with the real stores (calls, the document's
 * freeze, directory, audit log, notifications) and an injected clock: a due call closes exactly
 * once however many schedulers race, its text stays frozen when adopted and thaws when not, and a
 * frozen text refuses updates at the store.
 */
import type { Principal, User } from '@concord/core';
import { actors, organisations, statements } from '@concord/core/testing/authorization-matrix';
import { createAuditLog, createDocumentStore, createRepositories } from '@concord/data';
import { runCallScheduler } from '@concord/calls';
import { openCall, takePosition } from '@concord/calls';
import { createCallPorts } from '@concord/data/call-wiring';
import { testAuditKey } from '../support/audit-key.ts';
import { createNotificationStore } from '@concord/data/notifications';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../support/dynalite.ts';

const hour = 3_600_000;
const t0 = Date.UTC(2026, 9, 20, 8, 0);
const hash = 'c'.repeat(64);
const people = Object.values(actors).filter((a): a is Principal => a !== null && a.coalitionId === statements.open.coalitionId);

async function world() {
  const dynamo = await startDynalite({ jitterMs: 3 });
  const repositories = createRepositories(dynamo);
  for (const organisation of Object.values(organisations)) await repositories.organisations.put(organisation);
  for (const p of people) {
    const user: User = { id: p.userId, name: p.userName, organisationId: p.organisationId, coalitionId: p.coalitionId, roles: [...p.roles], status: 'active' };
    await repositories.users.put(user);
  }
  await repositories.statements.put(statements.open);
  // Hours-long calls below the default notice: this coalition asks for one hour (read from the store).
  await repositories.coalitions.put({ id: statements.open.coalitionId, name: 'Matrix', notice: { silenceHours: 1, explicitHours: 1 } });
  const notices: string[] = [];
  const live = { evictDocument: async () => 0, notify: async ({ notice }: { notice: string }) => void notices.push(notice) };
  const text = { latestNamedVersion: async () => ({ seq: 2, name: 'Rev. 1', hash }), isClean: async () => true, currentHash: async () => hash };
  const ports = () => createCallPorts({ ...dynamo, auditKey: testAuditKey, text, live });
  return { dynamo, ports, notices, documents: createDocumentStore(dynamo), audit: createAuditLog({ ...dynamo, key: testAuditKey }), notifications: createNotificationStore(dynamo) };
}

describe('closing consensus calls on schedule', () => {
  it('closes a due call exactly once when two schedulers race, with one record, one audit entry and one notice each', async () => {
    const w = await world();
    const call = await openCall({
      ports: w.ports(), actor: actors.chair!, statementId: statements.open.id, procedure: { kind: 'silence' },
      deadline: t0 + 2 * hour, timeZone: 'America/New_York', resultsVisibility: 'live', urgentReason: null, now: t0,
    });
    expect(await w.documents.frozenBy({ docId: statements.open.id })).toBe(call.id);
    await expect(w.documents.appendUpdate({ docId: statements.open.id, update: new Uint8Array([0, 0]), origin: 'test' })).rejects.toMatchObject({ code: 'sync.document-frozen' });
    await takePosition({ ports: w.ports(), actor: actors.member!, callId: call.id, stance: 'support', confirmed: false, reason: null, explanation: 'We support the text as a whole.', now: t0 + hour });

    // Before the deadline nothing closes.
    expect((await runCallScheduler({ ports: w.ports(), now: t0 + 2 * hour - 1 })).closed).toEqual([]);
    const runs = await Promise.all([runCallScheduler({ ports: w.ports(), now: t0 + 2 * hour }), runCallScheduler({ ports: w.ports(), now: t0 + 2 * hour + 5 })]);
    expect(runs.flatMap((r) => r.closed)).toEqual([call.id]);
    expect(runs.map((r) => r.failed)).toEqual([0, 0]);

    const closed = await w.ports().calls.get(call.id);
    expect(closed?.outcome).toMatchObject({ result: 'adopted', reasons: [] });
    expect(closed?.positions.map((p) => p.explanation)).toEqual(['We support the text as a whole.']);
    // Adopted: the text stays frozen as the adopted version.
    expect(await w.documents.frozenBy({ docId: statements.open.id })).toBe(call.id);
    const actions = (await w.audit.all({ coalitionId: statements.open.coalitionId })).map((e) => e.action);
    expect(actions.filter((a) => a === 'call.closed')).toHaveLength(1);
    expect(actions).toEqual(['call.opened', 'call.position-taken', 'call.closed']);
    const memberNotes = await w.notifications.list({ userId: actors.member!.userId });
    // The deadline was within a day from the start: the reminder went out on the first run.
    expect(memberNotes.map((n) => n.kind).sort()).toEqual(['call-closed', 'call-opened', 'call-reminder']);
    expect(memberNotes[0]?.kind).toBe('call-closed');
    expect(await w.notifications.unreadCount({ userId: actors.member!.userId })).toBe(3);
    await w.notifications.markRead({ userId: actors.member!.userId, now: t0 + 3 * hour });
    expect(await w.notifications.unreadCount({ userId: actors.member!.userId })).toBe(0);
    expect(w.notices.filter((n) => n.startsWith('call:call-closed'))).toHaveLength(1);
  });

  it("refuses a call below the coalition's stored notice, freezing nothing", async () => {
    const w = await world();
    await createRepositories(w.dynamo).coalitions.put({ id: statements.open.coalitionId, name: 'Matrix', notice: { silenceHours: 72, explicitHours: 24 } });
    const opening = openCall({
      ports: w.ports(), actor: actors.chair!, statementId: statements.open.id, procedure: { kind: 'silence' },
      deadline: t0 + 48 * hour, timeZone: 'UTC', resultsVisibility: 'live', urgentReason: null, now: t0,
    });
    await expect(opening).rejects.toMatchObject({ code: 'call.notice-too-short' });
    expect(await w.documents.frozenBy({ docId: statements.open.id })).toBeNull();
  });

  it('thaws the text when the call closes not adopted, and sends the 24-hour reminder once', async () => {
    const w = await world();
    const call = await openCall({
      ports: w.ports(), actor: actors.secretariat!, statementId: statements.open.id, procedure: { kind: 'explicit', quorum: 0.5 },
      deadline: t0 + 30 * hour, timeZone: 'Asia/Tokyo', resultsVisibility: 'after-close', urgentReason: null, now: t0,
    });
    const reminders = await Promise.all([runCallScheduler({ ports: w.ports(), now: t0 + 7 * hour }), runCallScheduler({ ports: w.ports(), now: t0 + 7 * hour })]);
    expect(reminders.flatMap((r) => r.reminded)).toEqual([call.id]);
    expect((await w.notifications.list({ userId: actors.observer!.userId })).filter((n) => n.kind === 'call-reminder')).toHaveLength(1);
    await runCallScheduler({ ports: w.ports(), now: t0 + 30 * hour });
    expect((await w.ports().calls.get(call.id))?.outcome).toMatchObject({ result: 'not-adopted', reasons: ['quorum-missed'] });
    expect(await w.documents.frozenBy({ docId: statements.open.id })).toBeNull();
  });

  it('finishes a close cut short after the store wrote it: the text thaws and the call leaves the due list', async () => {
    const w = await world();
    const call = await openCall({
      ports: w.ports(), actor: actors.chair!, statementId: statements.open.id, procedure: { kind: 'explicit', quorum: 1 },
      deadline: t0 + hour, timeZone: 'UTC', resultsVisibility: 'live', urgentReason: null, now: t0,
    });
    const closed = await w.ports().calls.close({ callId: call.id, by: null, now: t0 + hour });
    expect(closed?.outcome?.result).toBe('not-adopted');
    expect(await w.documents.frozenBy({ docId: statements.open.id })).toBe(call.id);
    const runs = await Promise.all([runCallScheduler({ ports: w.ports(), now: t0 + 2 * hour }), runCallScheduler({ ports: w.ports(), now: t0 + 2 * hour })]);
    expect(runs.flatMap((r) => r.recovered).length).toBeGreaterThanOrEqual(1);
    expect(await w.documents.frozenBy({ docId: statements.open.id })).toBeNull();
    expect((await runCallScheduler({ ports: w.ports(), now: t0 + 3 * hour })).recovered).toEqual([]);
    expect(await w.ports().calls.listDue({ now: t0 + 3 * hour })).toEqual([]);
  });
});
