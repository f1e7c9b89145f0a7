import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { freePort } from '../support/free-port.ts';
import { startChildHost, type ChildHost } from '../support/local-host.ts';
import { demoAccounts, type DemoAccount } from './support.ts';

export interface OwnHost {
  host: ChildHost;
  /** The demo accounts this host seeded (it printed them to its own file). */
  accounts: DemoAccount[];
}

/**
 * A host of the spec's own — a fresh store with the seeded demo coalition — started before its
 * tests and stopped after, for specs that reach into the store (name a version, run the
 * scheduler) and must not disturb the suite's shared host. Fields are there once tests run.
 */
export function useOwnHost(prefix: string): OwnHost {
  const own = {} as OwnHost;
  let dataDir = '';
  test.beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), prefix));
    own.host = await startChildHost({ port: await freePort(), dataDir, env: { CONCORD_DEMO_ACCOUNTS_FILE: join(dataDir, 'demo-accounts.json') } });
    own.accounts = demoAccounts(dataDir);
  });
  test.afterAll(async () => {
    await own.host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return own;
}
