import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyTotp } from '@concord/auth';
import { decodeBase32 } from '@oslojs/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoAccount } from './demo-accounts.ts';
import { demoAccountsPath, demoCode, readDemoAccounts, saveDemoAccounts } from './demo-code.ts';

const chair: DemoAccount = {
  role: 'chair', name: 'Marta Kowalska', organisation: 'Estonia', email: 'marta.kowalska@estonia.example',
  password: 'abcd-efgh-ijkl-mnop', totpKey: 'PMJIF7TWUWQHHQO5DQWYRCMZMLPYVOOS',
};
const member: DemoAccount = { ...chair, role: 'member', name: 'Kenji Tamm', organisation: 'Canada', email: 'kenji.tamm@canada.example', totpKey: null };

describe('demoCode', () => {
  it('gives the code the sign-in accepts now, and how long it stays valid', () => {
    const now = 1_700_000_012_000;
    const result = demoCode({ accounts: [member, chair], email: ' Marta.Kowalska@estonia.example ', now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(verifyTotp({ key: decodeBase32(chair.totpKey!), code: result.code, now, lastStep: 0 })).toBe(Math.floor(now / 30_000));
    expect(result.secondsLeft).toBe(30 - (1_700_000_012 % 30));
  });

  it('says which accounts have two-factor when the email is unknown or has none', () => {
    const unknown = demoCode({ accounts: [member, chair], email: 'nobody@example.org', now: 0 });
    expect(unknown).toEqual({ ok: false, message: expect.stringContaining('marta.kowalska@estonia.example (chair)') });
    const noKey = demoCode({ accounts: [member, chair], email: member.email, now: 0 });
    expect(noKey).toEqual({ ok: false, message: expect.stringMatching(/^kenji\.tamm@canada\.example \(member\) has no two-factor key/) });
  });
});

describe('saved demo accounts', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are kept readable by their owner only, and read back; a directory without them has none', async () => {
    dir = mkdtempSync(join(tmpdir(), 'concord-demo-'));
    const path = demoAccountsPath(join(dir, 'data'));
    expect(await readDemoAccounts(path)).toBeNull();
    await saveDemoAccounts({ path, accounts: [chair, member] });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await readDemoAccounts(path)).toEqual([chair, member]);
  });
});
