/**
 * `pnpm demo:code <email>`: prints a demo account's current two-factor code (functions/src/local/
 * demo-code.ts), read from the data directory `pnpm start` uses (`CONCORD_DATA_DIR`, default .data/).
 */
import { fileURLToPath } from 'node:url';
import { readConfig } from './config.ts';
import { demoAccountsPath, demoCode, readDemoAccounts } from './demo-code.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { dataDir } = readConfig({ env: process.env, root, webBuilt: false });
const email = process.argv[2];

if (!email) fail('Usage: pnpm demo:code <email of a demo account>');
if (!dataDir) fail('CONCORD_DATA_DIR is ":memory:": the demo accounts were printed by that host only.');
const accounts = await readDemoAccounts(demoAccountsPath(dataDir));
if (!accounts) fail(`No demo accounts in ${dataDir}: start the hub once with \`pnpm start\` (a data directory seeded before this command existed has none: remove it to seed again).`);
const result = demoCode({ accounts, email, now: Date.now() });
if (!result.ok) fail(result.message);
console.log(`${result.code}  (${result.email}; valid for ${result.secondsLeft} s more, and once only)`);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
