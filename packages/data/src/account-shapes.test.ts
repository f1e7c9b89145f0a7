import { auditChainKey, chainAuditEntry, entryIsIntact } from '@concord/auth/audit-chain';
import type { Account, Invitation, Session } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { accountFrom, accountItem, auditFrom, auditItem, invitationFrom, invitationItem, sessionFrom, sessionItem } from './account-shapes.ts';

describe('account shapes', () => {
  it('round-trips an account with and without two-factor', () => {
    const account: Account = { userId: 'usr_1', email: 'ada@example.org', passwordHash: '$argon2id$x', totpKey: { iv: 'aXY', data: 'ZGF0YQ' }, totpLastStep: 5, privilegeVersion: 2, createdAt: 1, locale: null };
    expect(accountFrom(accountItem(account))).toStrictEqual(account);
    expect(accountFrom(accountItem({ ...account, totpKey: null }))).toStrictEqual({ ...account, totpKey: null });
  });

  it('keeps the interface language a person chose, and reads an account stored before it existed with none', () => {
    const account: Account = { userId: 'usr_1', email: 'ada@example.org', passwordHash: '$argon2id$x', totpKey: null, totpLastStep: 0, privilegeVersion: 1, createdAt: 1, locale: 'ar' };
    expect(accountFrom(accountItem(account)).locale).toBe('ar');
    const { locale: _locale, ...older } = accountItem(account);
    expect(accountFrom(older).locale).toBeNull();
  });

  it('stores a session’s expiry in ms beside the TTL in seconds, and reads back the ms', () => {
    const session: Session = { id: 'h', userId: 'usr_1', createdAt: 1, expiresAt: 1_500, lastUsedAt: 2, twoFactorVerified: true, privilegeVersion: 0, device: 'Firefox' };
    const item = sessionItem(session);
    expect(item).toMatchObject({ expiresAtMs: 1_500, expiresAt: 2 });
    expect(sessionFrom(item)).toStrictEqual(session);
  });

  it('round-trips an invitation with its roles', () => {
    const invitation: Invitation = { id: 'h', email: 'b@example.org', name: 'B', coalitionId: 'c', organisationId: 'o', roles: ['secretariat'], invitedBy: 'usr_1', createdAt: 1, expiresAt: 2 };
    expect(invitationFrom(invitationItem(invitation))).toStrictEqual(invitation);
  });
});

describe('audit entry shape', () => {
  const key = auditChainKey({ secretKeyBase64: Buffer.alloc(32, 3).toString('base64') });
  const intact = (entry: Parameters<typeof entryIsIntact>[0]['entry']) => entryIsIntact({ entry, key, keyedFrom: 1 });
  const first = chainAuditEntry({
    key,
    previous: null,
    entry: { coalitionId: 'c', at: 1, actor: { userId: 'u', organisationId: 'o' }, action: 'organisation.tier-changed', subject: { kind: 'organisation', id: 'o' }, details: { from: 'member', to: 'observer', count: 0.1, ok: false, none: null } },
  });
  const second = chainAuditEntry({ key, previous: first, entry: { coalitionId: 'c', at: 2, actor: null, action: 'call.closed', subject: { kind: 'call', id: 'k' }, details: {} } });

  it('reads an entry back exactly as hashed, so the chain still verifies', () => {
    const read = [first, second].map((e) => auditFrom(auditItem(e)));
    expect(read).toStrictEqual([first, second]);
    expect(read.every(intact)).toBe(true);
  });

  it('keeps a changed field, so verification sees it', () => {
    const changed = auditFrom({ ...auditItem(second), action: 'call.opened' });
    expect(intact(changed)).toBe(false);
  });

  it('refuses details that cannot be stored as they are hashed', () => {
    expect(() => auditItem({ ...first, details: { n: Number.NaN } })).toThrow(RangeError);
  });
});
