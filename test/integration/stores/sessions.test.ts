import type { Session } from '@concord/core';
import { createSessions, sweepExpired } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { accountStoreFactories, type MakeStores } from '../../support/account-stores.ts';
import { startDynalite } from '../../support/dynalite.ts';

const T0 = Date.UTC(2026, 10, 23, 12);
const day = 24 * 60 * 60_000;

const session = (id: string, overrides: Partial<Session> = {}): Session => ({
  id,
  userId: 'usr_1',
  createdAt: T0,
  expiresAt: T0 + 30 * day,
  lastUsedAt: T0,
  twoFactorVerified: true,
  privilegeVersion: 0,
  device: 'Firefox on Linux',
  ...overrides,
});

async function startSessions(make: MakeStores) {
  const clock = { now: T0 };
  const { sessions } = await make({ now: () => clock.now });
  return { clock, sessions };
}

/** The Sessions contract over DynamoDB and the in-memory store. */
describe.each(accountStoreFactories)('[DC11] Sessions (%s)', (_name, make) => {
  it('returns a session as created, and null for an unknown one', async () => {
    const { sessions } = await startSessions(make);
    await sessions.create(session('s1'));
    expect(await sessions.get('s1')).toStrictEqual(session('s1'));
    expect(await sessions.get('s2')).toBeNull();
  });

  it('refuses a second session with the same id', async () => {
    const { sessions } = await startSessions(make);
    await sessions.create(session('s1'));
    await expect(sessions.create(session('s1', { userId: 'usr_2' }))).rejects.toMatchObject({ kind: 'conflict' });
    expect((await sessions.get('s1'))?.userId).toBe('usr_1');
  });

  it('hides a session from the moment it expires', async () => {
    const { sessions, clock } = await startSessions(make);
    await sessions.create(session('s1', { expiresAt: T0 + 1_000 }));
    clock.now = T0 + 999;
    expect(await sessions.get('s1')).not.toBeNull();
    clock.now = T0 + 1_000;
    expect(await sessions.get('s1')).toBeNull();
    expect(await sessions.listByUser('usr_1')).toEqual([]);
  });

  it('moves the expiry and last use on touch', async () => {
    const { sessions, clock } = await startSessions(make);
    await sessions.create(session('s1', { expiresAt: T0 + 1_000 }));
    await sessions.touch({ id: 's1', expiresAt: T0 + 31 * day, lastUsedAt: T0 + 500 });
    clock.now = T0 + 2_000;
    expect(await sessions.get('s1')).toStrictEqual(session('s1', { expiresAt: T0 + 31 * day, lastUsedAt: T0 + 500 }));
  });

  it('does not bring back a deleted session on touch', async () => {
    const { sessions } = await startSessions(make);
    await sessions.create(session('s1'));
    await sessions.delete('s1');
    await sessions.touch({ id: 's1', expiresAt: T0 + 31 * day, lastUsedAt: T0 + 500 });
    expect(await sessions.get('s1')).toBeNull();
    expect(await sessions.listByUser('usr_1')).toEqual([]);
  });

  it('lists a person’s live sessions, most recently used first', async () => {
    const { sessions } = await startSessions(make);
    await sessions.create(session('old', { lastUsedAt: T0 - 3_000 }));
    await sessions.create(session('new', { lastUsedAt: T0 - 1_000 }));
    await sessions.create(session('mid', { lastUsedAt: T0 - 2_000 }));
    await sessions.create(session('dead', { lastUsedAt: T0, expiresAt: T0 - 1 }));
    await sessions.create(session('other', { userId: 'usr_2' }));
    expect((await sessions.listByUser('usr_1')).map((s) => s.id)).toEqual(['new', 'mid', 'old']);
    expect(await sessions.listByUser('usr_2')).toStrictEqual([session('other', { userId: 'usr_2' })]);
  });

  it('ends every session of a person but the one kept, and no one else’s', async () => {
    const { sessions } = await startSessions(make);
    for (const id of ['a', 'b', 'keep']) await sessions.create(session(id));
    await sessions.create(session('expired', { expiresAt: T0 - 1 }));
    await sessions.create(session('other', { userId: 'usr_2' }));
    const ended = await sessions.deleteByUser({ userId: 'usr_1', except: 'keep' });
    expect([...ended].sort()).toEqual(['a', 'b', 'expired']);
    expect((await sessions.listByUser('usr_1')).map((s) => s.id)).toEqual(['keep']);
    expect(await sessions.get('a')).toBeNull();
    expect(await sessions.get('other')).not.toBeNull();
    expect(await sessions.deleteByUser({ userId: 'usr_1' })).toEqual(['keep']);
    expect(await sessions.listByUser('usr_1')).toEqual([]);
  });

  it('ends more sessions than one batch holds', async () => {
    const { sessions } = await startSessions(make);
    await Promise.all(Array.from({ length: 30 }, (_, n) => sessions.create(session(`s${String(n).padStart(2, '0')}`))));
    expect(await sessions.deleteByUser({ userId: 'usr_1' })).toHaveLength(30);
    expect(await sessions.listByUser('usr_1')).toEqual([]);
  });
});

describe('[DC11] Sessions on DynamoDB', () => {
  it('moves the TTL with the expiry on touch', async () => {
    const clock = { now: T0 };
    const dynamo = await startDynalite();
    const sessions = createSessions({ ...dynamo, now: () => clock.now });
    await sessions.create(session('s1', { expiresAt: T0 + 1_000 }));
    await sessions.touch({ id: 's1', expiresAt: T0 + 31 * day, lastUsedAt: T0 + 500 });
    clock.now = T0 + 2_000;
    expect(await sweepExpired({ ...dynamo, now: T0 + 2 * day })).toBe(0);
    expect(await sessions.get('s1')).not.toBeNull();
  });
});
