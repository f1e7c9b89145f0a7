import { hashToken } from '@concord/auth';
import { sessionRules, type Account } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { createMemoryAccountStores } from './memory.ts';
import { readSession, startSession } from './sessions.ts';

const start = 1_800_000_000_000;

async function world() {
  let now = start;
  const { stores } = createMemoryAccountStores({ now: () => now });
  const account: Account = { userId: 'usr_A', email: 'a@test.example', passwordHash: 'h', totpKey: null, totpLastStep: 0, privilegeVersion: 1, createdAt: start };
  await stores.accounts.create(account);
  const started = await startSession({ sessions: stores.sessions, account, twoFactorVerified: true, device: 'Firefox on Linux', now });
  const read = (token: string | undefined) => readSession({ ...stores, token, now });
  return { stores, started, read, later: (ms: number) => (now += ms) };
}

describe('startSession', () => {
  it('stores only the token’s hash, with the full lifetime once two-factor is done and a short one while it is owed', async () => {
    const { stores, started } = await world();
    expect(started.session.id).toBe(hashToken(started.token));
    expect(started.session.id).not.toContain(started.token);
    expect(started.session.expiresAt).toBe(start + sessionRules.lifetimeMs);
    const pending = await startSession({ sessions: stores.sessions, account: { userId: 'usr_A', privilegeVersion: 1 }, twoFactorVerified: false, device: 'd', now: start });
    expect(pending.session.expiresAt).toBe(start + sessionRules.pendingTwoFactorMs);
  });
});

describe('readSession', () => {
  it('leaves a browser without a token alone, and clears an unknown or malformed one', async () => {
    const { read } = await world();
    expect(await read(undefined)).toEqual({ kind: 'none', token: { kind: 'keep' } });
    expect(await read('not a token')).toEqual({ kind: 'none', token: { kind: 'clear' } });
    expect(await read('a'.repeat(32))).toEqual({ kind: 'none', token: { kind: 'clear' } });
  });

  it('keeps a fresh session’s token, and renews it (the same token, a later expiry) when due', async () => {
    const { read, started, later } = await world();
    expect(await read(started.token)).toMatchObject({ kind: 'active', token: { kind: 'keep' } });
    later(sessionRules.lifetimeMs - sessionRules.renewBelowMs + 1);
    const renewed = await read(started.token);
    expect(renewed).toMatchObject({ kind: 'active', token: { kind: 'set', token: started.token } });
    expect(renewed.token.kind === 'set' && renewed.token.expiresAt).toBeGreaterThan(started.session.expiresAt);
  });

  it('rotates the token when the person’s privileges changed: the old session is gone, the new one works', async () => {
    const { stores, read, started } = await world();
    await stores.accounts.bumpPrivilege('usr_A');
    const rotated = await read(started.token);
    if (rotated.kind !== 'active' || rotated.token.kind !== 'set') throw new Error(`not rotated: ${JSON.stringify(rotated)}`);
    expect(rotated.token.token).not.toBe(started.token);
    expect(await stores.sessions.get(started.session.id)).toBeNull();
    expect(await read(rotated.token.token)).toMatchObject({ kind: 'active', token: { kind: 'keep' } });
  });

  it('ends an expired session and clears its token', async () => {
    const { stores, read, started, later } = await world();
    later(sessionRules.lifetimeMs + 1);
    expect(await read(started.token)).toEqual({ kind: 'none', token: { kind: 'clear' } });
    expect(await stores.sessions.listByUser('usr_A')).toEqual([]);
  });
});
