import type { Account } from '@concord/core';
import { createAccounts, createRepositories } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { accountStoreFactories } from '../../support/account-stores.ts';
import { putRawItem, startDynalite } from '../../support/dynalite.ts';

const account = (userId: string, email: string, overrides: Partial<Account> = {}): Account => ({
  userId,
  email,
  passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${userId}`,
  totpKey: null,
  totpLastStep: 0,
  privilegeVersion: 0,
  createdAt: 1_700_000_000_000,
  locale: null,
  ...overrides,
});

/** `Promise.withResolvers` (Node 22) for Node 20. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function startAccounts(input: { jitterMs?: number; now?: () => number } = {}) {
  const dynamo = await startDynalite(input);
  return { dynamo, accounts: createAccounts({ ...dynamo, ...(input.now ? { now: input.now } : {}) }) };
}

/** The Accounts contract over DynamoDB and the in-memory store. */
describe.each(accountStoreFactories)('[DC10] Accounts (%s)', (_name, make) => {
  it('creates an account found by id and by email in any case, with the email normalised', async () => {
    const { accounts } = await make();
    expect(await accounts.create(account('usr_1', ' Ada@Example.ORG '))).toBe('ok');
    const stored = account('usr_1', 'ada@example.org');
    expect(await accounts.get('usr_1')).toStrictEqual(stored);
    expect(await accounts.findByEmail('ADA@example.org')).toStrictEqual(stored);
    expect(await accounts.findByEmail('bob@example.org')).toBeNull();
    expect(await accounts.get('usr_2')).toBeNull();
  });

  it('refuses a second account with the same email, whatever its case, writing nothing', async () => {
    const { accounts } = await make();
    await accounts.create(account('usr_1', 'ada@example.org'));
    expect(await accounts.create(account('usr_2', 'ADA@example.org'))).toBe('email-taken');
    expect(await accounts.get('usr_2')).toBeNull();
    expect((await accounts.findByEmail('ada@example.org'))?.userId).toBe('usr_1');
  });

  it('lets exactly one of many concurrent creates with one email win', async () => {
    const { accounts } = await make({ jitterMs: 5 });
    const emails = ['ada@example.org', 'ADA@example.org', 'Ada@Example.org', ' ada@EXAMPLE.org', 'ada@example.ORG', 'aDa@example.org'];
    const results = await Promise.all(emails.map((email, n) => accounts.create(account(`usr_${n}`, email))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    const winner = results.indexOf('ok');
    expect((await accounts.findByEmail('ada@example.org'))?.userId).toBe(`usr_${winner}`);
    const created = await Promise.all(emails.map((_, n) => accounts.get(`usr_${n}`)));
    expect(created.filter((a) => a !== null).map((a) => a.userId)).toEqual([`usr_${winner}`]);
  });

  it('refuses a second account for the same person, keeping the first and its email', async () => {
    const { accounts } = await make();
    await accounts.create(account('usr_1', 'ada@example.org'));
    await expect(accounts.create(account('usr_1', 'other@example.org'))).rejects.toMatchObject({ kind: 'conflict', code: 'account.exists' });
    await expect(accounts.create(account('usr_1', 'ada@example.org'))).rejects.toMatchObject({ kind: 'conflict' });
    expect(await accounts.findByEmail('other@example.org')).toBeNull();
    expect((await accounts.findByEmail('ada@example.org'))?.userId).toBe('usr_1');
    expect(await accounts.create(account('usr_2', 'other@example.org'))).toBe('ok');
  });

  it('sets the password and the TOTP key, and refuses to for an account that does not exist', async () => {
    const { accounts } = await make();
    await accounts.create(account('usr_1', 'ada@example.org'));
    await accounts.setPassword({ userId: 'usr_1', passwordHash: '$argon2id$new' });
    await accounts.setTotpKey({ userId: 'usr_1', totpKey: { iv: 'aXY', data: 'c2VjcmV0' } });
    expect(await accounts.get('usr_1')).toMatchObject({ passwordHash: '$argon2id$new', totpKey: { iv: 'aXY', data: 'c2VjcmV0' } });
    await accounts.setTotpKey({ userId: 'usr_1', totpKey: null });
    expect((await accounts.get('usr_1'))?.totpKey).toBeNull();
    await expect(accounts.setPassword({ userId: 'usr_none', passwordHash: 'x' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(accounts.setTotpKey({ userId: 'usr_none', totpKey: null })).rejects.toMatchObject({ kind: 'not-found' });
    expect(await accounts.get('usr_none')).toBeNull();
  });

  it('keeps the interface language a person chose until they clear it, and refuses it for an account that does not exist', async () => {
    const { accounts } = await make();
    await accounts.create(account('usr_1', 'ada@example.org'));
    expect((await accounts.get('usr_1'))?.locale).toBeNull();
    await accounts.setLocale({ userId: 'usr_1', locale: 'ar' });
    expect((await accounts.findByEmail('ada@example.org'))?.locale).toBe('ar');
    await accounts.setLocale({ userId: 'usr_1', locale: null });
    expect((await accounts.get('usr_1'))?.locale).toBeNull();
    await expect(accounts.setLocale({ userId: 'usr_none', locale: 'fr' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('accepts each TOTP step once, and never a step older than one used', async () => {
    const { accounts } = await make();
    await accounts.create(account('usr_1', 'ada@example.org'));
    expect(await accounts.useTotpStep({ userId: 'usr_1', step: 100 })).toBe(true);
    expect(await accounts.useTotpStep({ userId: 'usr_1', step: 100 })).toBe(false);
    expect(await accounts.useTotpStep({ userId: 'usr_1', step: 99 })).toBe(false);
    expect(await accounts.useTotpStep({ userId: 'usr_1', step: 101 })).toBe(true);
    expect((await accounts.get('usr_1'))?.totpLastStep).toBe(101);
    expect(await accounts.useTotpStep({ userId: 'usr_none', step: 1 })).toBe(false);
    expect(await accounts.get('usr_none')).toBeNull();
  });

  it('accepts a TOTP step for exactly one of many concurrent uses', async () => {
    const { accounts } = await make({ jitterMs: 5 });
    await accounts.create(account('usr_1', 'ada@example.org'));
    const results = await Promise.all(Array.from({ length: 8 }, () => accounts.useTotpStep({ userId: 'usr_1', step: 57_000_000 })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('bumps the privilege version by one per call, concurrent calls included', async () => {
    const { accounts } = await make({ jitterMs: 5 });
    await accounts.create(account('usr_1', 'ada@example.org', { privilegeVersion: 3 }));
    expect(await accounts.bumpPrivilege('usr_1')).toBe(4);
    const versions = await Promise.all(Array.from({ length: 5 }, () => accounts.bumpPrivilege('usr_1')));
    expect([...versions].sort()).toEqual([5, 6, 7, 8, 9]);
    expect((await accounts.get('usr_1'))?.privilegeVersion).toBe(9);
    await expect(accounts.bumpPrivilege('usr_none')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('deletes the account and frees its email for someone else', async () => {
    const { accounts } = await make();
    await accounts.create(account('usr_1', 'ada@example.org'));
    await accounts.delete('usr_1');
    await accounts.delete('usr_1');
    expect(await accounts.get('usr_1')).toBeNull();
    expect(await accounts.findByEmail('ada@example.org')).toBeNull();
    expect(await accounts.create(account('usr_2', 'ada@example.org'))).toBe('ok');
    expect((await accounts.findByEmail('ada@example.org'))?.userId).toBe('usr_2');
  });
});

/** The email index as a lock, on DynamoDB: a claim whose create died, or stalled. */
describe('[DC10] Accounts on DynamoDB', () => {
  it('takes over an email claimed by a create that died before writing its account, once the claim is old', async () => {
    let now = 1_000_000;
    const { dynamo, accounts } = await startAccounts({ now: () => now });
    await putRawItem({ dynamo, item: { pk: 'EMAIL#ada@example.org', sk: 'EMAIL', userId: 'usr_dead', claimedAt: now } });
    expect(await accounts.create(account('usr_1', 'ada@example.org'))).toBe('email-taken');
    now += 5 * 60_000;
    expect(await accounts.create(account('usr_1', 'ada@example.org'))).toBe('ok');
    expect((await accounts.findByEmail('ada@example.org'))?.userId).toBe('usr_1');
  });

  it('withdraws an account whose create stalled so long that its email claim was taken over', async () => {
    let now = 1_000_000;
    const { dynamo, accounts } = await startAccounts({ now: () => now });
    const gate = deferred();
    const atGate = deferred();
    dynamo.client.middlewareStack.add(
      (next) => async (args) => {
        const input = JSON.stringify(args.input);
        if (input.includes('"usr_slow"') && input.includes('ACCOUNT') && input.includes('passwordHash')) {
          atGate.resolve();
          await gate.promise;
        }
        return next(args);
      },
      { step: 'initialize', name: 'stallSlowCreate' },
    );
    const slow = accounts.create(account('usr_slow', 'ada@example.org'));
    await atGate.promise;
    now += 10 * 60_000;
    expect(await accounts.create(account('usr_fast', 'ada@example.org'))).toBe('ok');
    gate.resolve();
    expect(await slow).toBe('email-taken');
    expect(await accounts.get('usr_slow')).toBeNull();
    expect((await accounts.findByEmail('ada@example.org'))?.userId).toBe('usr_fast');
  });

  it('never takes over the email of an account that exists, however old its claim', async () => {
    let now = 1_000_000;
    const { accounts } = await startAccounts({ now: () => now });
    await accounts.create(account('usr_1', 'ada@example.org'));
    now += 24 * 60 * 60_000;
    expect(await accounts.create(account('usr_2', 'ada@example.org'))).toBe('email-taken');
    expect(await accounts.get('usr_2')).toBeNull();
  });

  it('keeps accounts out of the directory’s user lists', async () => {
    const { dynamo, accounts } = await startAccounts();
    await accounts.create(account('usr_1', 'ada@example.org'));
    const users = createRepositories(dynamo).users;
    await users.put({ id: 'usr_1', name: 'Ada', organisationId: 'org_1', coalitionId: 'coal_1', roles: [], status: 'active' });
    expect((await users.listByCoalition('coal_1')).map((u) => u.id)).toEqual(['usr_1']);
    expect(await users.get('usr_1')).toMatchObject({ name: 'Ada' });
    expect((await accounts.get('usr_1'))?.email).toBe('ada@example.org');
  });
});
