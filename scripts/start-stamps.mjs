/**
 * What `pnpm start` may skip: the install when the lockfile and manifests are those node_modules
 * was installed from, the web build when none of its sources changed since web/build was made.
 * Each step leaves a stamp (a hash of its inputs) beside its output; a stamp that matches means
 * the step's output is current. Node built-ins only: this runs before anything is installed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where each step keeps its stamp; both live inside the step's output, so deleting it re-runs it. */
export const stampPaths = {
  install: 'node_modules/.concord-install-stamp',
  webBuild: 'web/build/.concord-build-stamp',
};

/**
 * The SHA-256 of `files` (paths relative to `root`), names and contents, in sorted order. A
 * missing file hashes as missing, so deleting a source also counts as a change.
 * @param {{ root: string; files: string[]; extra?: string }} input
 */
export function hashFiles(input) {
  const hash = createHash('sha256');
  hash.update(`${input.extra ?? ''}\0`);
  for (const file of [...new Set(input.files)].sort()) {
    hash.update(`${file}\0`);
    const path = join(input.root, file);
    hash.update(existsSync(path) ? readFileSync(path) : '\0missing');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * The files under `paths` that git tracks or would track (ignored files such as node_modules,
 * builds and generated messages are left out); null when `root` is not a git checkout.
 * @param {{ root: string; paths: string[] }} input
 * @returns {string[] | null}
 */
export function sourceFiles(input) {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...input.paths], {
      cwd: input.root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

/**
 * The install's inputs: the lockfile, the workspace file and every package's manifest, and the
 * Node ABI (native modules are built for one).
 * @param {{ root: string }} input
 */
export function installHash(input) {
  const manifests = sourceFiles({ root: input.root, paths: ['package.json', 'pnpm-workspace.yaml', 'pnpm-lock.yaml', '*/package.json', 'packages/*/package.json'] });
  const files = manifests ?? ['package.json', 'pnpm-workspace.yaml', 'pnpm-lock.yaml'];
  return hashFiles({ root: input.root, files, extra: `node-abi ${process.versions.modules}` });
}

/**
 * The web build's inputs: the web app's and the packages' sources and the lockfile; null (always
 * build) outside a git checkout, where we cannot tell sources from generated files.
 * @param {{ root: string }} input
 */
export function webBuildHash(input) {
  const files = sourceFiles({ root: input.root, paths: ['web', 'packages', 'pnpm-lock.yaml'] });
  return files === null ? null : hashFiles({ root: input.root, files });
}

/**
 * True when the stamp at `stamp` holds `hash`.
 * @param {{ root: string; stamp: string; hash: string | null }} input
 */
export function isCurrent(input) {
  if (input.hash === null) return false;
  const path = join(input.root, input.stamp);
  return existsSync(path) && readFileSync(path, 'utf8').trim() === input.hash;
}

/**
 * Records that the step's output now matches `hash`.
 * @param {{ root: string; stamp: string; hash: string | null }} input
 */
export function writeStamp(input) {
  if (input.hash !== null) writeFileSync(join(input.root, input.stamp), `${input.hash}\n`);
}
