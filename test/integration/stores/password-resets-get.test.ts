import { describe, expect, it } from 'vitest';
import { accountStoreFactories } from '../../support/account-stores.ts';

describe.each(accountStoreFactories)('PasswordResets.get (%s)', (_name, make) => {
  it('shows a live reset without taking it, and nothing once taken or expired', async () => {
    const { resets } = await make();
    const id = 'a'.repeat(64);
    await resets.create({ id, userId: 'usr_1', expiresAt: 10_000 });
    expect(await resets.get({ id, now: 5_000 })).toMatchObject({ userId: 'usr_1' });
    expect(await resets.get({ id, now: 5_000 })).not.toBeNull();
    expect(await resets.get({ id, now: 10_000 })).toBeNull();
    expect(await resets.consume({ id, now: 5_000 })).not.toBeNull();
    expect(await resets.get({ id, now: 5_000 })).toBeNull();
  });
});
