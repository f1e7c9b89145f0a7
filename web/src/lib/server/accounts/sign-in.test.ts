import { generateTotpKey, hashPassword, totpCode } from '@concord/auth';
import { rateLimits, signInBackoff, signInDelayMs } from '@concord/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeContext, seedCoalition } from '../testing/fakes.ts';
import { checkPassword, checkTwoFactorCode } from './sign-in.ts';

const t0 = 1_800_000_000_000;
const password = 'the owner’s own passphrase';
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(password);
});

async function setup() {
  const fake = await createFakeContext({ now: () => t0 });
  await seedCoalition(fake);
  await fake.context.accounts.setPassword({ userId: 'usr_Member', passwordHash });
  const attempt = (input: { password: string; address: string; now: number }) =>
    checkPassword({ context: fake.context, email: 'member@test.example', ...input });
  return { fake, attempt };
}

describe('checkPassword (issue 12 §10: slow the attacker, never lock the owner out)', () => {
  it('still accepts the owner from another address after many wrong passwords from anywhere else', async () => {
    const { attempt } = await setup();
    let now = t0;
    // An attacker at one address, waiting out every delay, 12 wrong passwords (the old lock took 10).
    for (let n = 0; n < 12; n++) {
      const result = await attempt({ password: `guess ${n}`, address: '203.0.113.7', now });
      expect(result.kind).toBe('refused');
      now += signInDelayMs(n + 1);
    }
    expect((await attempt({ password, address: '198.51.100.2', now })).kind).toBe('ok');
  });

  it('backs off exponentially per account and address after the free attempts', async () => {
    const { attempt } = await setup();
    const attacker = '203.0.113.7';
    for (let n = 0; n < signInBackoff.freeFailures; n++) expect((await attempt({ password: 'wrong', address: attacker, now: t0 })).kind).toBe('refused');
    // The next attempt waits 1 s after the 5th failure, then 2 s after the 6th: even the right password.
    expect(await attempt({ password, address: attacker, now: t0 + 999 })).toEqual({ kind: 'limited', retryAfterMs: 1 });
    expect((await attempt({ password: 'wrong', address: attacker, now: t0 + 1_000 })).kind).toBe('refused');
    expect(await attempt({ password: 'wrong', address: attacker, now: t0 + 2_999 })).toEqual({ kind: 'limited', retryAfterMs: 1 });
    expect((await attempt({ password, address: attacker, now: t0 + 3_000 })).kind).toBe('ok');
    // A success clears the count: the next wrong password is free again.
    expect((await attempt({ password: 'wrong', address: attacker, now: t0 + 3_001 })).kind).toBe('refused');
    expect((await attempt({ password: 'wrong', address: attacker, now: t0 + 3_002 })).kind).toBe('refused');
  });

  it('caps one address across accounts, counting failures only', async () => {
    const { fake, attempt } = await setup();
    const address = '192.0.2.1';
    // Many successes from one address use up nothing.
    for (let n = 0; n < rateLimits.signInPerAddress.limit + 5; n++) expect((await attempt({ password, address, now: t0 + n })).kind).toBe('ok');
    for (let n = 0; n < rateLimits.signInPerAddress.limit; n++) {
      await checkPassword({ context: fake.context, email: `nobody${n}@test.example`, password: 'spray', address, now: t0 + 100 });
    }
    expect((await attempt({ password, address, now: t0 + 101 })).kind).toBe('limited');
    expect((await attempt({ password, address: '192.0.2.2', now: t0 + 101 })).kind).toBe('ok');
  }, 60_000); // some 65 password hashes
});

describe('signInDelayMs', () => {
  it('is free for the first failures, then doubles, up to the cap', () => {
    expect([0, 4, 5, 6, 7].map(signInDelayMs)).toEqual([0, 0, 1_000, 2_000, 4_000]);
    expect(signInDelayMs(40)).toBe(signInBackoff.maxDelayMs);
  });
});

describe('checkTwoFactorCode', () => {
  it('counts wrong codes only: right codes never use up the limit', async () => {
    const fake = await createFakeContext({ now: () => t0 });
    await seedCoalition(fake);
    const key = generateTotpKey();
    await fake.context.accounts.setTotpKey({ userId: 'usr_Member', totpKey: await fake.context.secretBox.seal(key) });
    const check = (code: string, now: number) => checkTwoFactorCode({ context: fake.context, userId: 'usr_Member', code, now });
    const { limit } = rateLimits.twoFactorPerAccount;
    // More right codes than the limit, each in its own 30-second step, within one window.
    for (let n = 0; n < limit + 2; n++) expect(await check(totpCode({ key, now: t0 + n * 30_000 }), t0 + n * 30_000)).toEqual({ kind: 'ok' });
    const later = t0 + (limit + 2) * 30_000;
    for (let n = 0; n < limit; n++) expect(await check('000000', later)).toEqual({ kind: 'refused' });
    expect((await check(totpCode({ key, now: later }), later)).kind).toBe('limited');
  });
});
