import { isDomainError, type NoticeSettings, type Principal, type User } from '@concord/core';
import { actors, organisations, statements } from '@concord/core/testing/authorization-matrix';
import { describe, expect, it } from 'vitest';
import { createMemoryCallPorts } from './memory.ts';
import { runCallScheduler } from './scheduler.ts';
import { closeEarly, extendCall, openCall, takePosition, withdrawCall } from './service.ts';

const hour = 3_600_000;
const t0 = Date.UTC(2026, 2, 4, 9, 0);
const orgs = Object.values(organisations);
const user = (p: Principal): User => ({ id: p.userId, name: p.userName, organisationId: p.organisationId, coalitionId: p.coalitionId, roles: [...p.roles], status: 'active' });
const people = Object.values(actors).filter((a): a is Principal => a !== null);
const chair = actors.chair!;
const member = actors.member!;
const statement = statements.open;
const members = orgs.filter((o) => o.tier === 'member' && o.coalitionId === statement.coalitionId).map((o) => o.id);

/** Most cases give a short notice (one hour) so their timelines stay short; null: a coalition that never set one (the defaults). */
function setup(notice: NoticeSettings | null = { silenceHours: 1, explicitHours: 1 }) {
  const coalitions = [{ id: statement.coalitionId, name: 'Matrix', ...(notice ? { notice } : {}) }];
  const world = createMemoryCallPorts({ statements: Object.values(statements), organisations: orgs, users: people.map(user), coalitions });
  world.text.version = { seq: 3, name: 'Rev. 1', hash: 'a'.repeat(64) };
  world.text.hash = 'a'.repeat(64);
  return world;
}

const open = (world: ReturnType<typeof setup>, actor: Principal = chair, extra: Partial<Parameters<typeof openCall>[0]> = {}) =>
  openCall({ ports: world.ports, actor, statementId: statement.id, procedure: { kind: 'silence' }, deadline: t0 + 48 * hour, timeZone: 'Europe/Tallinn', resultsVisibility: 'after-close', urgentReason: null, now: t0, ...extra });

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return `${error.kind}:${error.code}`;
    throw error;
  }
  return 'allowed';
}

describe('opening a call', () => {
  it('freezes the named clean version, records it, evicts editors, notifies readers and audits', async () => {
    const world = setup();
    const call = await open(world);
    expect(call.version).toEqual({ seq: 3, name: 'Rev. 1', hash: 'a'.repeat(64) });
    expect(call.electorate.sort()).toEqual(members.sort());
    expect(world.frozen.get(statement.id)).toBe(call.id);
    expect(world.live.evicted).toEqual([statement.id]);
    expect(world.audit.map((e) => e.action)).toEqual(['call.opened']);
    expect(call.openedBy.onBehalfOfChair).toBe(false);
    const told = new Set(world.notifications.all.filter((n) => n.kind === 'call-opened').map((n) => n.userId));
    // Everyone who can see the open statement, not the other coalition.
    expect([...told].sort()).toEqual(people.filter((p) => p.coalitionId === statement.coalitionId).map((p) => p.userId).sort());
  });

  it("refuses a silence procedure below the coalition's notice (72 hours by default), freezing nothing, and opens one at it", async () => {
    const world = setup(null);
    expect(await refusal(open(world, chair, { deadline: t0 + 60_000 }))).toBe('input:call.notice-too-short');
    expect(await refusal(open(world, chair, { deadline: t0 + 72 * hour - 1 }))).toBe('input:call.notice-too-short');
    expect(world.frozen.size).toBe(0);
    const call = await open(world, chair, { deadline: t0 + 72 * hour });
    expect(call.urgent).toBeNull();
    expect(world.frozen.get(statement.id)).toBe(call.id);
  });

  it("holds explicit consensus to its own notice (24 hours by default) and follows the coalition's settings", async () => {
    const explicit = { kind: 'explicit', quorum: 0.5 } as const;
    expect((await open(setup(null), chair, { procedure: explicit, deadline: t0 + 24 * hour })).status).toBe('open');
    const strict = setup({ silenceHours: 120, explicitHours: 48 });
    expect(await refusal(open(strict, chair, { procedure: explicit, deadline: t0 + 24 * hour }))).toBe('input:call.notice-too-short');
    expect(await refusal(open(strict, chair, { deadline: t0 + 100 * hour }))).toBe('input:call.notice-too-short');
  });

  it('shortens the notice only as an urgent procedure with a reason, by the chair, recorded and audited', async () => {
    const world = setup(null);
    expect(await refusal(open(world, chair, { deadline: t0 + 2 * hour, urgentReason: ' ' }))).toBe('input:call.urgent-reason-required');
    expect(await refusal(open(world, actors.secretariat!, { deadline: t0 + 2 * hour, urgentReason: 'The summit is tomorrow.' }))).toBe('forbidden:forbidden.chair-only');
    expect(world.frozen.size).toBe(0);
    const call = await open(world, chair, { deadline: t0 + 2 * hour, urgentReason: 'The summit is tomorrow.' });
    expect(call.urgent).toEqual({ reason: 'The summit is tomorrow.', requiredHours: 72 });
    expect((await world.ports.calls.get(call.id))?.urgent).toEqual(call.urgent);
    expect(world.audit[0]?.details).toMatchObject({ urgent: true, urgentReason: 'The summit is tomorrow.', requiredNoticeHours: 72 });
  });

  it('records the secretariat as acting on the chair’s behalf', async () => {
    const world = setup();
    expect((await open(world, actors.secretariat!)).openedBy.onBehalfOfChair).toBe(true);
  });

  it.each([
    ['member', () => actors.member!, 'forbidden:forbidden.not-manager'],
    ['advisory', () => actors.advisory!, 'forbidden:forbidden.not-manager'],
    ['other coalition', () => actors['other-coalition']!, 'not-found:statement.not-found'],
  ])('refuses %s', async (_name, actor, expected) => {
    const world = setup();
    expect(await refusal(open(world, actor()))).toBe(expected);
    expect(world.frozen.size).toBe(0);
  });

  it.each([
    ['no named version', (w: ReturnType<typeof setup>) => (w.text.version = null), 'conflict:call.no-named-version'],
    ['an open bracket', (w: ReturnType<typeof setup>) => (w.text.clean = false), 'conflict:call.text-not-clean'],
    ['edits since the version', (w: ReturnType<typeof setup>) => (w.text.hash = 'b'.repeat(64)), 'conflict:call.text-changed'],
  ])('refuses a text with %s, freezing nothing', async (_name, change, expected) => {
    const world = setup();
    change(world);
    expect(await refusal(open(world))).toBe(expected);
    expect(world.frozen.size).toBe(0);
    expect(world.audit).toEqual([]);
  });

  it('refuses a past deadline, an unknown zone, and a second call', async () => {
    const world = setup();
    expect(await refusal(open(world, chair, { deadline: t0 }))).toBe('input:call.deadline-past');
    expect(await refusal(open(world, chair, { timeZone: 'Mars/Olympus' }))).toBe('input:call.time-zone-unknown');
    await open(world);
    expect(await refusal(open(world))).toBe('conflict:call.already-open');
  });
});

describe('during and after a call', () => {
  it('takes positions per organisation, only by members, and closes at the deadline once', async () => {
    const world = setup();
    const call = await open(world);
    const position = (actor: Principal, stance: 'support' | 'object', reason: string | null = null) =>
      takePosition({ ports: world.ports, actor, callId: call.id, stance, confirmed: false, reason, explanation: 'We join.', now: t0 + hour });
    await position(member, 'support');
    expect(await refusal(position(actors.advisory!, 'support'))).toBe('forbidden:forbidden.not-member');
    expect(await refusal(position(actors.observer!, 'support'))).toBe('forbidden:forbidden.not-member');
    expect(await refusal(position(member, 'object'))).toBe('input:call.reason-required');
    expect((await world.ports.calls.get(call.id))!.positions.map((p) => [p.organisationId, p.stance, p.explanation])).toEqual([[member.organisationId, 'support', 'We join.']]);

    expect(await runCallScheduler({ ports: world.ports, now: t0 + 47 * hour })).toMatchObject({ closed: [], reminded: [call.id] });
    expect(await runCallScheduler({ ports: world.ports, now: t0 + 47.5 * hour })).toMatchObject({ closed: [], reminded: [] });
    expect(world.notifications.all.filter((n) => n.kind === 'call-reminder' && n.userId === member.userId)).toHaveLength(1);

    expect(await runCallScheduler({ ports: world.ports, now: t0 + 48 * hour })).toMatchObject({ closed: [call.id] });
    expect(await runCallScheduler({ ports: world.ports, now: t0 + 49 * hour })).toMatchObject({ closed: [] });
    const closed = (await world.ports.calls.get(call.id))!;
    expect(closed.outcome?.result).toBe('adopted');
    // Adopted: the text stays frozen as the adopted version.
    expect(world.frozen.get(statement.id)).toBe(call.id);
    expect(world.audit.filter((e) => e.action === 'call.closed')).toHaveLength(1);
    expect(world.audit.find((e) => e.action === 'call.closed')?.actor).toBeNull();
    expect(world.notifications.all.find((n) => n.kind === 'call-closed' && n.userId === member.userId)?.result).toBe('adopted');
    expect(await refusal(position(member, 'support'))).toBe('conflict:call.not-open');
  });

  it('reopens drafting when not adopted', async () => {
    const world = setup();
    const call = await open(world);
    await takePosition({ ports: world.ports, actor: member, callId: call.id, stance: 'object', confirmed: false, reason: 'Paragraph 3.', explanation: null, now: t0 + hour });
    await runCallScheduler({ ports: world.ports, now: t0 + 48 * hour });
    expect((await world.ports.calls.get(call.id))!.outcome).toMatchObject({ result: 'not-adopted', reasons: ['objection'] });
    expect(world.frozen.size).toBe(0);
  });

  it('extends with a reason, withdraws (unfreezing), and closes early only when all replied', async () => {
    const world = setup();
    const call = await open(world);
    const later = t0 + 72 * hour;
    expect(await refusal(extendCall({ ports: world.ports, actor: member, callId: call.id, deadline: later, reason: 'x', now: t0 }))).toBe('forbidden:forbidden.not-manager');
    expect(await refusal(extendCall({ ports: world.ports, actor: chair, callId: call.id, deadline: later, reason: ' ', now: t0 }))).toBe('input:call.extension-reason-required');
    await extendCall({ ports: world.ports, actor: chair, callId: call.id, deadline: later, reason: 'Capitals asked for time.', now: t0 });
    expect((await world.ports.calls.get(call.id))!.extensions).toMatchObject([{ to: later, reason: 'Capitals asked for time.' }]);
    expect(await refusal(closeEarly({ ports: world.ports, actor: chair, callId: call.id, now: t0 + hour }))).toBe('conflict:call.cannot-close-early');
    await withdrawCall({ ports: world.ports, actor: actors.secretariat!, callId: call.id, now: t0 + 2 * hour });
    expect(world.frozen.size).toBe(0);
    expect(world.audit.map((e) => e.action)).toEqual(['call.opened', 'call.extended', 'call.withdrawn']);
  });

  it('closes early once every member replied', async () => {
    const world = setup();
    const call = await open(world);
    for (const organisationId of call.electorate) {
      const actor = people.find((p) => p.organisationId === organisationId)!;
      await takePosition({ ports: world.ports, actor, callId: call.id, stance: 'support', confirmed: false, reason: null, explanation: null, now: t0 + hour });
    }
    const closed = await closeEarly({ ports: world.ports, actor: chair, callId: call.id, now: t0 + 2 * hour });
    expect(closed.outcome?.result).toBe('adopted');
    expect(closed.closedBy).toBe(chair.userId);
  });

  it('finishes a close or a withdrawal cut short (a crash after the store’s write), once, after a grace period', async () => {
    const world = setup();
    const call = await open(world);
    await takePosition({ ports: world.ports, actor: member, callId: call.id, stance: 'object', confirmed: false, reason: 'No.', explanation: null, now: t0 + hour });
    // The store closed it, then the process died: still frozen, nobody told.
    await world.ports.calls.close({ callId: call.id, by: null, now: t0 + 48 * hour });
    expect(world.frozen.get(statement.id)).toBe(call.id);
    expect(await runCallScheduler({ ports: world.ports, now: t0 + 48 * hour + 60_000 })).toMatchObject({ closed: [], recovered: [] });
    expect(await runCallScheduler({ ports: world.ports, now: t0 + 49 * hour })).toMatchObject({ recovered: [call.id] });
    expect(world.frozen.size).toBe(0);
    expect(world.audit.filter((e) => e.action === 'call.closed')).toHaveLength(1);
    expect(await runCallScheduler({ ports: world.ports, now: t0 + 50 * hour })).toMatchObject({ recovered: [] });

    const second = await open(world, chair, { now: t0 + 50 * hour, deadline: t0 + 60 * hour });
    await world.ports.calls.withdraw({ callId: second.id, by: chair.userId, now: t0 + 51 * hour });
    expect(world.frozen.get(statement.id)).toBe(second.id);
    expect(await runCallScheduler({ ports: world.ports, now: t0 + 61 * hour })).toMatchObject({ recovered: [second.id] });
    expect(world.frozen.size).toBe(0);
  });
});
