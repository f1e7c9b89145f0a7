/**
 * `pnpm start` / `pnpm dev`: starts the local host with settings from the environment and prints
 * its URL. SIGINT/SIGTERM close it cleanly; anything acknowledged is already on disk either way.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from './config.ts';
import { formatDemoAccounts } from './demo-accounts.ts';
import { demoAccountsPath, readDemoAccounts } from './demo-code.ts';
import { startLocalHost, type HostLog } from './host.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const config = readConfig({ env: process.env, root, webBuilt: existsSync(join(root, 'web/build/handler.js')) });

const log: HostLog = ({ level, code, message, error }) => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? '' : String(error);
  const line = [`[concord] ${level} ${code}`, message, detail].filter(Boolean).join(' — ');
  (level === 'info' ? console.log : console.error)(line);
};

const host = await startLocalHost({ config, log });
const store =
  config.store.kind === 'embedded'
    ? `embedded DynamoDB (dynalite) at ${host.dynamoEndpoint}, ${config.store.path ? `persisted in ${config.store.path}` : 'in memory'}`
    : config.store.kind === 'endpoint'
      ? `DynamoDB at ${config.store.endpoint}`
      : 'DynamoDB on AWS';
console.log(`Store: ${store}, table "${config.tableName}"`);
if (!config.webHandlerPath || !existsSync(config.webHandlerPath)) console.log('Web app not built: serving the WebSocket gateway only.');
// Printed on every start, not only the first: they are kept in the data directory.
const demoAccounts = host.demoAccounts.length > 0 || !config.dataDir ? host.demoAccounts : ((await readDemoAccounts(demoAccountsPath(config.dataDir))) ?? []);
if (demoAccounts.length > 0) console.log(formatDemoAccounts({ accounts: demoAccounts, url: host.url }));
console.log(`Concord is running at ${host.url}`);

// Ctrl+C under `pnpm start` arrives twice: from the terminal and forwarded by pnpm. A repeat
// within a moment is that echo; a later one is someone insisting, and stops without closing.
let stoppingSince: number | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stoppingSince !== null) {
      if (Date.now() - stoppingSince > 2_000) process.exit(1);
      return;
    }
    stoppingSince = Date.now();
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log({ level: 'error', code: 'host.close-failed', error });
        process.exit(1);
      },
    );
  });
}
