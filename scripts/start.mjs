/**
 * `pnpm start`: install, build the web app, run the local host — skipping the install and the
 * build when their inputs have not changed since they last succeeded (scripts/start-stamps.mjs),
 * so a second start takes seconds. The steps' own output is shown only when they fail. The host
 * runs in this process: Ctrl+C reaches its handler, which closes the store and exits 0 (the
 * `exec` in package.json keeps a shell from turning that into "ELIFECYCLE Command failed").
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { installHash, isCurrent, stampPaths, webBuildHash, writeStamp } from './start-stamps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

let interrupted = false;
const onSignal = () => {
  interrupted = true;
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

await step({
  label: 'Installing dependencies',
  stamp: stampPaths.install,
  hash: () => installHash({ root }),
  args: ['install', '--frozen-lockfile', '--prefer-offline'],
});
await step({
  label: 'Building the web app',
  stamp: stampPaths.webBuild,
  hash: () => webBuildHash({ root }),
  args: ['--filter', '@concord/web', 'build'],
});

process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
// Node 20 is a supported runtime here (README); the AWS SDK's notice about its future releases
// is for whoever upgrades the SDK, not for someone starting the hub.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { register } = await import('tsx/esm/api');
register();
await import('../functions/src/local/main.ts');

/**
 * Runs `pnpm <args>` unless the stamp says its output is current; quiet unless it fails.
 * @param {{ label: string; stamp: string; hash: () => string | null; args: string[] }} input
 */
async function step(input) {
  // Hashed before the step: a source edited while it runs must not be recorded as built.
  const hash = input.hash();
  if (isCurrent({ root, stamp: input.stamp, hash })) return;
  process.stdout.write(`${input.label}…\n`);
  const { code, output } = await run(input.args);
  if (interrupted) process.exit(0);
  if (code !== 0) {
    process.stderr.write(`${output}\n${input.label} failed (pnpm ${input.args.join(' ')}).\n`);
    process.exit(code || 1);
  }
  writeStamp({ root, stamp: input.stamp, hash });
}

/** @param {string[]} args @returns {Promise<{ code: number | null; output: string }>} */
function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString() }));
  });
}
