import type { Principal, User } from '@concord/core';
import { actors, organisations, statements } from '@concord/core/testing/authorization-matrix';
import { createMemoryCallPorts } from '@concord/calls/memory';
import { openCall, takePosition } from '@concord/calls';
import { describe, expect, it } from 'vitest';
import { callPage, openCallsFor } from './view.ts';

const t0 = Date.UTC(2026, 4, 1, 10);
const people = Object.values(actors).filter((a): a is Principal => a !== null);
const user = (p: Principal): User => ({ id: p.userId, name: p.userName, organisationId: p.organisationId, coalitionId: p.coalitionId, roles: [...p.roles], status: 'active' });

async function withCall(resultsVisibility: 'live' | 'after-close') {
  const world = createMemoryCallPorts({ statements: Object.values(statements), organisations: Object.values(organisations), users: people.map(user) });
  world.text.version = { seq: 1, name: 'Zero draft', hash: 'f'.repeat(64) };
  world.text.hash = 'f'.repeat(64);
  const call = await openCall({ ports: world.ports, actor: actors.chair!, statementId: statements.open.id, procedure: { kind: 'silence' }, deadline: t0 + 4 * 86_400_000, timeZone: 'UTC', resultsVisibility, urgentReason: null, now: t0 });
  await takePosition({ ports: world.ports, actor: actors['pen-holder']!, callId: call.id, stance: 'abstain', confirmed: false, reason: null, explanation: 'We stand aside.', now: t0 + 1 });
  return world;
}

describe('the call page', () => {
  it('shows the chair every position during the call, a member only its own until the close (after-close setting)', async () => {
    const world = await withCall('after-close');
    const chair = await callPage({ ports: world.ports, actor: actors.chair!, statementId: statements.open.id, now: t0 + 2 });
    expect(chair.call?.positions.map((p) => [p.organisationName, p.explanation])).toEqual([['Pen', 'We stand aside.']]);
    expect(chair.can).toMatchObject({ open: false, manage: true, takePosition: true });
    const member = await callPage({ ports: world.ports, actor: actors.member!, statementId: statements.open.id, now: t0 + 2 });
    expect(member.call?.positions).toEqual([]);
    expect(member.call?.positionsHidden).toBe(true);
    expect(member.can).toMatchObject({ manage: false, takePosition: true });
    const observer = await callPage({ ports: world.ports, actor: actors.observer!, statementId: statements.open.id, now: t0 + 2 });
    expect(observer.can.takePosition).toBe(false);
  });

  it('shows members positions live when the call says so', async () => {
    const world = await withCall('live');
    const member = await callPage({ ports: world.ports, actor: actors.member!, statementId: statements.open.id, now: t0 + 2 });
    expect(member.call?.positions).toHaveLength(1);
  });

  it('tells the chair before opening: the notice, the version it will freeze (name and hash), a deadline at the notice, and urgency', async () => {
    const world = createMemoryCallPorts({ statements: Object.values(statements), organisations: Object.values(organisations), users: people.map(user) });
    world.text.version = { seq: 2, name: 'Rev. 1', hash: 'e'.repeat(64) };
    world.text.hash = 'e'.repeat(64);
    const chair = await callPage({ ports: world.ports, actor: actors.chair!, statementId: statements.open.id, now: t0 });
    expect(chair.openForm).toMatchObject({ notice: { silenceHours: 72, explicitHours: 24 }, version: { name: 'Rev. 1', hash: 'e'.repeat(64) }, problem: null, timeZone: 'UTC' });
    expect(chair.openForm?.suggested.silence).toBe(t0 + 73 * 3_600_000);
    expect(chair.openForm?.suggestedWall).toEqual({ date: '2026-05-04', time: '11:00', timeZone: 'UTC' });
    expect(chair.can).toMatchObject({ open: true, openUrgent: true });
    const secretariat = await callPage({ ports: world.ports, actor: actors.secretariat!, statementId: statements.open.id, now: t0 });
    expect(secretariat.can).toMatchObject({ open: true, openUrgent: false });
    world.text.hash = 'd'.repeat(64);
    expect((await callPage({ ports: world.ports, actor: actors.chair!, statementId: statements.open.id, now: t0 })).openForm?.problem).toBe('text-changed');
    expect((await callPage({ ports: world.ports, actor: actors.member!, statementId: statements.open.id, now: t0 })).openForm).toBeNull();
  });

  it('lists open calls on the dashboard with whether the organisation replied, hiding unseen statements', async () => {
    const world = await withCall('live');
    const list = await openCallsFor({ ports: world.ports, actor: actors['pen-holder']!, statements: Object.values(statements) });
    expect(list).toEqual([expect.objectContaining({ statementId: statements.open.id, replied: true, votes: true })]);
    expect(await openCallsFor({ ports: world.ports, actor: actors['other-coalition']!, statements: Object.values(statements) })).toEqual([]);
  });
});
