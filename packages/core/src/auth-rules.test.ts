import { describe, expect, it } from 'vitest';
import type { Session } from './account.ts';
import {
  canonicalAuditText,
  checkSession,
  isPlausibleEmail,
  normaliseEmail,
  passwordIssue,
  passwordProblem,
  rateWindow,
  sessionRules,
  twoFactorRequired,
} from './auth-rules.ts';

const now = Date.UTC(2026, 10, 23, 12);
const session = (fields: Partial<Session> = {}): Session => ({
  id: 'a'.repeat(64),
  userId: 'usr_1',
  createdAt: now - 1_000,
  expiresAt: now + sessionRules.lifetimeMs,
  lastUsedAt: now - 1_000,
  twoFactorVerified: true,
  privilegeVersion: 3,
  device: 'Firefox on Linux',
  ...fields,
});

describe('checkSession', () => {
  it('ends a session at its expiry, to the millisecond', () => {
    expect(checkSession({ session: session({ expiresAt: now }), privilegeVersion: 3, now })).toEqual({ kind: 'expired' });
    expect(checkSession({ session: session({ expiresAt: now + 1 }), privilegeVersion: 3, now }).kind).not.toBe('expired');
  });

  it('rotates a session made before the person’s privileges changed', () => {
    expect(checkSession({ session: session(), privilegeVersion: 4, now })).toEqual({ kind: 'rotate' });
  });

  it('renews a session used in the second half of its life, and only then', () => {
    const late = session({ expiresAt: now + sessionRules.renewBelowMs - 1 });
    expect(checkSession({ session: late, privilegeVersion: 3, now })).toEqual({ kind: 'renew', expiresAt: now + sessionRules.lifetimeMs });
    expect(checkSession({ session: session({ expiresAt: now + sessionRules.renewBelowMs }), privilegeVersion: 3, now })).toEqual({ kind: 'valid' });
  });

  it('never extends a session still waiting for its two-factor code', () => {
    const pending = session({ twoFactorVerified: false, expiresAt: now + 60_000 });
    expect(checkSession({ session: pending, privilegeVersion: 3, now })).toEqual({ kind: 'valid' });
  });
});

describe('twoFactorRequired', () => {
  it('requires two-factor of chair delegations, the secretariat and organisation leads only', () => {
    expect(twoFactorRequired({ isChair: true, roles: [] })).toBe(true);
    expect(twoFactorRequired({ isChair: false, roles: ['secretariat'] })).toBe(true);
    expect(twoFactorRequired({ isChair: false, roles: ['organisation-lead'] })).toBe(true);
    expect(twoFactorRequired({ isChair: false, roles: [] })).toBe(false);
  });
});

describe('passwordProblem', () => {
  const email = 'aino@finland.example';
  it('accepts a long passphrase, in any script', () => {
    expect(passwordProblem({ password: 'correct horse battery staple', email })).toBeNull();
    expect(passwordProblem({ password: 'كلمة مرور طويلة جدا', email })).toBeNull();
  });

  it('refuses short, oversized, repetitive or email-as-password choices, saying why', () => {
    expect(passwordProblem({ password: 'short', email })).toMatch(/at least 12/);
    expect(passwordProblem({ password: 'x'.repeat(257), email })).toMatch(/at most 256/);
    expect(passwordProblem({ password: 'aaaaaaaaaaaaaaaa', email })).toMatch(/repeated/);
    expect(passwordProblem({ password: ' AINO@finland.example ', email })).toMatch(/email/);
  });

  it('names each refusal with a code the interface can word in any language', () => {
    expect(passwordIssue({ password: 'short', email })).toBe('password.too-short');
    expect(passwordIssue({ password: 'x'.repeat(257), email })).toBe('password.too-long');
    expect(passwordIssue({ password: 'aaaaaaaaaaaaaaaa', email })).toBe('password.repetitive');
    expect(passwordIssue({ password: ' AINO@finland.example ', email })).toBe('password.is-email');
    expect(passwordIssue({ password: 'correct horse battery staple', email })).toBeNull();
  });
});

describe('emails', () => {
  it('normalises case and surrounding space', () => {
    expect(normaliseEmail('  Kadri.Tamm@MFA.ee ')).toBe('kadri.tamm@mfa.ee');
  });

  it('tells plausible addresses from the rest', () => {
    expect(isPlausibleEmail('kadri@mfa.ee')).toBe(true);
    for (const bad of ['kadri', 'kadri@', '@mfa.ee', 'ka dri@mfa.ee', 'kadri@mfa', `${'a'.repeat(250)}@mfa.ee`]) {
      expect(isPlausibleEmail(bad)).toBe(false);
    }
  });
});

describe('rateWindow', () => {
  it('puts every moment of a window in the same window, and the next moment in the next', () => {
    const limit = { bucket: 'test', limit: 3, windowMs: 60_000 };
    const first = rateWindow({ limit, now: 120_000 });
    expect(first).toEqual({ start: 120_000, end: 180_000 });
    expect(rateWindow({ limit, now: 179_999 })).toEqual(first);
    expect(rateWindow({ limit, now: 180_000 }).start).toBe(180_000);
  });
});

describe('canonicalAuditText', () => {
  it('is the same whatever order the fields were written in', () => {
    const a = canonicalAuditText({
      coalitionId: 'coal_1', seq: 1, at: 5, actor: { userId: 'usr_1', organisationId: 'org_1' },
      action: 'organisation.added', subject: { kind: 'organisation', id: 'org_2' }, details: { name: 'Ghana', tier: 'member' }, prevHash: '0',
    });
    const b = canonicalAuditText({
      prevHash: '0', details: { tier: 'member', name: 'Ghana' }, subject: { id: 'org_2', kind: 'organisation' },
      action: 'organisation.added', actor: { organisationId: 'org_1', userId: 'usr_1' }, at: 5, seq: 1, coalitionId: 'coal_1',
    });
    expect(a).toBe(b);
    expect(a.startsWith('{"action":"organisation.added","actor":{"organisationId":"org_1"')).toBe(true);
  });
});
