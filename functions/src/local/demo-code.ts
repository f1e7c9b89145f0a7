/**
 * The demo's two-factor codes without an authenticator app: the host keeps the demo accounts it
 * printed in `<data dir>/demo-accounts.json` (owner-only, beside the secret key that opens the
 * stored keys anyway), and `pnpm demo:code <email>` prints an account's current code from it.
 * Local host only: Lambda has no data directory and never writes this file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { totpCode } from '@concord/auth';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import type { DemoAccount } from './demo-accounts.ts';

const stepSeconds = 30;

export function demoAccountsPath(dataDir: string): string {
  return join(dataDir, 'demo-accounts.json');
}

export async function saveDemoAccounts(input: { path: string; accounts: DemoAccount[] }): Promise<void> {
  await mkdir(dirname(input.path), { recursive: true });
  await writeFile(input.path, JSON.stringify(input.accounts, null, 2), { mode: 0o600 });
}

/** The saved accounts, or null when this data directory has none (seeded before, or not seeded). */
export async function readDemoAccounts(path: string): Promise<DemoAccount[] | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as DemoAccount[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export type DemoCode =
  | { ok: true; email: string; code: string; secondsLeft: number }
  | { ok: false; message: string };

/** The current code of the demo account `email`, or why there is none, in words for the terminal. */
export function demoCode(input: { accounts: DemoAccount[]; email: string; now: number }): DemoCode {
  const withKey = input.accounts.filter((a) => a.totpKey);
  const listed = withKey.map((a) => `  ${a.email} (${a.role})`).join('\n');
  const email = input.email.trim().toLowerCase();
  const account = input.accounts.find((a) => a.email === email);
  if (!account) return { ok: false, message: `"${input.email}" is not a demo account with a printed password. Two-factor demo accounts:\n${listed}` };
  if (!account.totpKey) return { ok: false, message: `${account.email} (${account.role}) has no two-factor key: sign in with the password only. Two-factor demo accounts:\n${listed}` };
  const code = totpCode({ key: decodeBase32IgnorePadding(account.totpKey), now: input.now });
  const secondsLeft = stepSeconds - (Math.floor(input.now / 1000) % stepSeconds);
  return { ok: true, email: account.email, code, secondsLeft };
}
