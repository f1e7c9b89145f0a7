import { hashToken, verifyPassword } from '@concord/auth';
import { describe, expect, it } from 'vitest';
import { completeReset, requestReset } from './reset.ts';
import { createFakeContext, seedCoalition } from '../testing/fakes.ts';

const now = 1_800_000_000_000;
const newPassword = 'a brand new passphrase';

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  const seeded = await seedCoalition(fake);
  return { fake, ...seeded };
}

const tokenIn = (text: string) => /\/reset\/([a-z2-7]{32})/.exec(text)?.[1] ?? '';

describe('requestReset', () => {
  it('mails a link valid for an hour to an active person', async () => {
    const { fake } = await setup();
    const result = await requestReset({ context: fake.context, email: ' Member@Test.example ', address: '10.0.0.1', linkOrigin: 'https://hub.test', now });
    expect(result).toEqual({ kind: 'sent' });
    expect(fake.calls.mail).toHaveLength(1);
    expect(fake.calls.mail[0]!.to).toBe('member@test.example');
    const token = tokenIn(fake.calls.mail[0]!.text);
    expect(fake.calls.mail[0]!.text).toContain(`https://hub.test/reset/${token}`);
    expect(fake.store.resets.get(hashToken(token))).toMatchObject({ userId: 'usr_Member', expiresAt: now + 60 * 60_000 });
  });

  it('answers the same for an unknown address, and mails it that there is no account, with no link', async () => {
    const { fake } = await setup();
    expect(await requestReset({ context: fake.context, email: 'nobody@test.example', address: '10.0.0.1', linkOrigin: 'https://hub.test', now })).toEqual({ kind: 'sent' });
    expect(fake.calls.mail).toHaveLength(1);
    expect(fake.calls.mail[0]).toMatchObject({ to: 'nobody@test.example', subject: 'Reset your Concord password' });
    expect(fake.calls.mail[0]!.text).toContain('no account uses it');
    expect(tokenIn(fake.calls.mail[0]!.text)).toBe('');
  });

  it('does the same work for an unknown address as for a known one: the same reads, a hashed token written, one mail', async () => {
    const work = async (email: string) => {
      const { fake } = await setup();
      const calls: { call: string; args: unknown }[] = [];
      // Every port the request touches, recorded in order (what is read, hashed, written, sent).
      const spy = <T extends object>(name: string, port: T): T =>
        new Proxy(port, {
          get: (target, method: string) => {
            const real = (target as Record<string, unknown>)[method];
            return typeof real !== 'function' ? real : (...args: unknown[]) => (calls.push({ call: `${name}.${method}`, args: args[0] }), real.apply(target, args));
          },
        });
      const { context } = fake;
      const spied = { ...context, accounts: spy('accounts', context.accounts), resets: spy('resets', context.resets), mailer: spy('mailer', context.mailer), rateLimiter: spy('rateLimiter', context.rateLimiter), directory: { ...context.directory, users: spy('users', context.directory.users) } };
      await requestReset({ context: spied, email, address: '10.0.0.1', linkOrigin: 'https://hub.test', now });
      return calls;
    };
    const known = await work('member@test.example');
    const unknown = await work('nobody@test.example');
    expect(unknown.map((c) => c.call)).toEqual(known.map((c) => c.call));
    expect(known.map((c) => c.call)).toEqual(['rateLimiter.hit', 'rateLimiter.hit', 'accounts.findByEmail', 'users.get', 'resets.create', 'mailer.send']);
    // The reset written for nobody has the same shape: a hashed token, the same lifetime, a user no link can reach.
    const created = (calls: typeof known) => calls.find((c) => c.call === 'resets.create')!.args as { id: string; userId: string; expiresAt: number };
    expect(created(unknown)).toEqual({ id: expect.stringMatching(new RegExp(`^[^\\s]{${created(known).id.length}}$`)), userId: 'usr_nobody', expiresAt: created(known).expiresAt });
  });

  it('sends nothing without a trustworthy origin for the link', async () => {
    const { fake } = await setup();
    expect(await requestReset({ context: fake.context, email: 'member@test.example', address: '10.0.0.1', linkOrigin: null, now })).toEqual({ kind: 'sent' });
    expect(fake.calls.mail).toHaveLength(0);
  });

  it('is limited per account (3 an hour) and per address', async () => {
    const { fake } = await setup();
    const ask = (address: string) => requestReset({ context: fake.context, email: 'member@test.example', address, linkOrigin: 'https://hub.test', now });
    for (let n = 0; n < 3; n++) expect((await ask(`10.0.0.${n}`)).kind).toBe('sent');
    expect((await ask('10.0.0.9')).kind).toBe('limited');
    expect(fake.calls.mail).toHaveLength(3);
  });
});

describe('completeReset', () => {
  async function linkFor(fake: Awaited<ReturnType<typeof setup>>['fake']) {
    await requestReset({ context: fake.context, email: 'member@test.example', address: '10.0.0.1', linkOrigin: 'https://hub.test', now });
    return tokenIn(fake.calls.mail.at(-1)!.text);
  }

  it('sets the password, ends every session and closes live connections', async () => {
    const { fake } = await setup();
    await fake.context.sessions.create({ id: 's1', userId: 'usr_Member', createdAt: now, lastUsedAt: now, expiresAt: now + 1e6, twoFactorVerified: true, privilegeVersion: 1, device: 'd' });
    const token = await linkFor(fake);
    await completeReset({ context: fake.context, token, password: newPassword, now });
    const account = await fake.context.accounts.get('usr_Member');
    expect(await verifyPassword({ hash: account!.passwordHash, password: newPassword })).toBe(true);
    expect(await fake.context.sessions.listByUser('usr_Member')).toEqual([]);
    expect(fake.calls.evictedUsers).toEqual([{ userId: 'usr_Member', reason: 'auth.password-reset' }]);
    expect(fake.store.audit.at(-1)).toMatchObject({ action: 'account.password-reset' });
  });

  it('works once only', async () => {
    const { fake } = await setup();
    const token = await linkFor(fake);
    await completeReset({ context: fake.context, token, password: newPassword, now });
    await expect(completeReset({ context: fake.context, token, password: newPassword, now })).rejects.toMatchObject({ code: 'reset.invalid' });
  });

  it('keeps the link usable when the password is refused', async () => {
    const { fake } = await setup();
    const token = await linkFor(fake);
    await expect(completeReset({ context: fake.context, token, password: 'short', now })).rejects.toMatchObject({ code: 'input.password' });
    await expect(completeReset({ context: fake.context, token, password: 'member@test.example', now })).rejects.toMatchObject({ code: 'input.password' });
    await completeReset({ context: fake.context, token, password: newPassword, now });
  });

  it('refuses an expired link', async () => {
    const { fake } = await setup();
    const token = await linkFor(fake);
    await expect(completeReset({ context: fake.context, token, password: newPassword, now: now + 60 * 60_000 + 1 })).rejects.toMatchObject({ code: 'reset.invalid' });
  });
});
