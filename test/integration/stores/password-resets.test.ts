import { describe, expect, it } from 'vitest';
import { accountStoreFactories, type MakeStores } from '../../support/account-stores.ts';

const T0 = Date.UTC(2026, 10, 23, 12);

async function startResets(make: MakeStores, input: { jitterMs?: number } = {}) {
  return (await make(input)).resets;
}

/** The PasswordResets contract over DynamoDB and the in-memory store. */
describe.each(accountStoreFactories)('[DC11] PasswordResets (%s)', (_name, make) => {
  it('hands a reset over once', async () => {
    const resets = await startResets(make);
    await resets.create({ id: 'r1', userId: 'usr_1', expiresAt: T0 + 3_600_000 });
    expect(await resets.consume({ id: 'r1', now: T0 })).toStrictEqual({ id: 'r1', userId: 'usr_1', expiresAt: T0 + 3_600_000 });
    expect(await resets.consume({ id: 'r1', now: T0 })).toBeNull();
    expect(await resets.consume({ id: 'r2', now: T0 })).toBeNull();
  });

  it('gives a reset to exactly one of many concurrent consumers', async () => {
    const resets = await startResets(make, { jitterMs: 5 });
    await resets.create({ id: 'r1', userId: 'usr_1', expiresAt: T0 + 3_600_000 });
    const results = await Promise.all(Array.from({ length: 8 }, () => resets.consume({ id: 'r1', now: T0 })));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('refuses a reset from the moment it expires, and it stays used', async () => {
    const resets = await startResets(make);
    await resets.create({ id: 'r1', userId: 'usr_1', expiresAt: T0 + 1_000 });
    await resets.create({ id: 'r2', userId: 'usr_1', expiresAt: T0 + 1_000 });
    expect(await resets.consume({ id: 'r1', now: T0 + 1_000 })).toBeNull();
    expect(await resets.consume({ id: 'r1', now: T0 })).toBeNull();
    expect(await resets.consume({ id: 'r2', now: T0 + 999 })).not.toBeNull();
  });

  it('refuses a second reset with the same id', async () => {
    const resets = await startResets(make);
    await resets.create({ id: 'r1', userId: 'usr_1', expiresAt: T0 + 1_000 });
    await expect(resets.create({ id: 'r1', userId: 'usr_2', expiresAt: T0 + 1_000 })).rejects.toMatchObject({ kind: 'conflict' });
    expect((await resets.consume({ id: 'r1', now: T0 }))?.userId).toBe('usr_1');
  });
});
