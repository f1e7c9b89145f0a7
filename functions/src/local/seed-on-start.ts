/**
 * Seeding when the host starts: the demo coalition and its accounts on an empty store, if asked
 * and if the fixtures are there. Returns the accounts to print (none when already seeded).
 */
import { existsSync } from 'node:fs';
import { auditChainKey, createSecretBox } from '@concord/auth';
import { createAccounts, type createDynamoClient, type Repositories } from '@concord/data';
import type { DocumentStore } from '@concord/sync';
import type { HostConfig } from './config.ts';
import { createDemoAccounts, type DemoAccount } from './demo-accounts.ts';
import { demoAccountsPath, saveDemoAccounts } from './demo-code.ts';
import { seedDemo } from './seed.ts';
import { seedDemoDeclaration } from './seed-declaration.ts';

export type { DemoAccount };

export async function seedIfAsked(input: {
  config: HostConfig;
  secretKey: string;
  log: (entry: { level: 'info' | 'warn'; code: string; message: string }) => void;
  store: { client: ReturnType<typeof createDynamoClient>; tableName: string };
  documents: DocumentStore;
  repositories: Repositories;
}): Promise<DemoAccount[]> {
  const { config, log } = input;
  if (!config.seed) return [];
  if (!existsSync(config.fixturesDir)) {
    log({ level: 'warn', code: 'seed.fixtures-missing', message: `no demo data: ${config.fixturesDir} not found (set CONCORD_FIXTURES_DIR)` });
    return [];
  }
  const now = Date.now();
  const seeded = await seedDemo({ repositories: input.repositories, documents: input.documents, fixturesDir: config.fixturesDir, now });
  if (!seeded) return [];
  const secretBox = await createSecretBox({ keyBase64: input.secretKey });
  const accounts = await createDemoAccounts({ seeded, accounts: createAccounts(input.store), secretBox, now });
  const declaration = await seedDemoDeclaration({ store: input.store, secretBox, seeded, fixturesDir: config.fixturesDir, now, auditKey: auditChainKey({ secretKeyBase64: input.secretKey }) });
  if (declaration) log({ level: 'info', code: 'seed.declaration', message: `published the demo declaration at /declarations/${declaration}` });
  log({ level: 'info', code: 'seed.done', message: `seeded the demo coalition (${seeded.organisations.length} organisations, ${seeded.users.length} delegates)` });
  // Kept beside the store so later starts print them again and `pnpm demo:code` finds the keys;
  // test harnesses read them from a file of their choice rather than scraping the console.
  const paths = new Set([config.dataDir && demoAccountsPath(config.dataDir), config.demoAccountsFile]);
  for (const path of paths) if (path) await saveDemoAccounts({ path, accounts });
  return accounts;
}
