import { createSecretBox, generateSecretKey, totpCode, verifyPassword, verifyTotp } from '@concord/auth';
import type { Account, Organisation, User } from '@concord/core';
import { decodeBase32 } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { createDemoAccounts, emailFor, formatDemoAccounts } from './demo-accounts.ts';

const org = (name: string, extra: Partial<Organisation> = {}): Organisation => ({
  id: `org_${name}`, coalitionId: 'coal_1', name, tier: 'member', stakeholderGroup: 'government', isChair: false, ...extra,
});
const user = (name: string, organisation: Organisation, roles: User['roles'] = []): User => ({
  id: `usr_${name.replace(/\W/g, '')}`, name, organisationId: organisation.id, coalitionId: 'coal_1', roles, status: 'active',
});

describe('createDemoAccounts', () => {
  it('gives every delegate an account and prints a password for one person per role, with two-factor where required', async () => {
    const estonia = org('Estonia', { isChair: true });
    const canada = org('Canada');
    const france = org('France');
    const taiwan = org('Taiwan', { tier: 'observer' });
    const seeded = {
      coalition: { id: 'coal_1', name: 'Coalition' },
      organisations: [estonia, canada, france, taiwan],
      users: [user('Marta Kowalska', estonia), user('Rahul Iyer', estonia), user('Kenji Tamm', canada), user('Élodie Durand', france), user('Lin Wei', taiwan)],
    };
    const created: Account[] = [];
    const secretBox = await createSecretBox({ keyBase64: generateSecretKey() });
    const shown = await createDemoAccounts({ seeded, accounts: { create: async (a) => (created.push(a), 'ok') }, secretBox, now: 1 });

    expect(created.map((a) => a.email)).toEqual([
      'marta.kowalska@estonia.example', 'rahul.iyer@estonia.example', 'kenji.tamm@canada.example', 'elodie.durand@france.example', 'lin.wei@taiwan.example',
    ]);
    expect(shown.map((a) => [a.role, a.organisation])).toEqual([['chair', 'Estonia'], ['member', 'Canada'], ['observer', 'Taiwan']]);
    const chair = shown[0]!;
    expect(await verifyPassword({ hash: created[0]!.passwordHash, password: chair.password })).toBe(true);
    expect(chair.totpKey).not.toBeNull();
    const key = decodeBase32(chair.totpKey!);
    expect([...(await secretBox.open(created[0]!.totpKey!))]).toEqual([...key]);
    expect(verifyTotp({ key, code: totpCode({ key, now: 1_000_000 }), now: 1_000_000, lastStep: 0 })).not.toBeNull();
    expect(shown[1]!.totpKey).toBeNull();
    // Those not shown cannot sign in with anything printed.
    expect(await verifyPassword({ hash: created[3]!.passwordHash, password: chair.password })).toBe(false);
  });
});

describe('emailFor', () => {
  it('makes an ASCII address on the reserved .example domain', () => {
    expect(emailFor({ user: { name: 'Sofía de Vries' }, organisation: { name: 'Côte d’Ivoire' } })).toBe('sofia.de.vries@cote-d-ivoire.example');
  });
});

describe('formatDemoAccounts', () => {
  it('lists each account with its password and two-factor key, and where to sign in', () => {
    const text = formatDemoAccounts({
      url: 'http://127.0.0.1:3000',
      accounts: [{ role: 'chair', name: 'Marta', organisation: 'Estonia', email: 'marta@estonia.example', password: 'abcd-efgh-ijkl-mnop', totpKey: 'KEY' }],
    });
    expect(text).toContain('http://127.0.0.1:3000/signin');
    expect(text).toContain('marta@estonia.example  password abcd-efgh-ijkl-mnop  two-factor key KEY');
  });
});
