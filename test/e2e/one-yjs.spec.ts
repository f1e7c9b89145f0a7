import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { freePort } from '../support/free-port.ts';
import { startChildHost } from '../support/local-host.ts';
import { actAs, demoAccounts, jointStatementTitle, openStatement } from './support.ts';

/**
 * One copy of Yjs per process: a second one breaks `instanceof` checks inside sync, and Yjs says
 * so with this warning. The browser bundle must carry exactly one; the server bundle none, since
 * the local host that loads it already runs Yjs (web/vite.config.ts keeps it external).
 */
const warning = 'Yjs was already imported';
// Yjs marks the global object with this key when it loads: one file holding it is one copy.
const yjsMarker = '__ $YJS$ __';
const build = fileURLToPath(new URL('../../web/build/', import.meta.url));

function filesWithYjs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .filter((file) => readFileSync(join(dir, file), 'utf8').includes(yjsMarker));
}

test('the built web app holds Yjs once in the browser bundle and not at all in the server bundle', () => {
  expect(filesWithYjs(join(build, 'client'))).toHaveLength(1);
  expect(filesWithYjs(join(build, 'server'))).toEqual([]);
});

test('neither the host nor the browser warns that Yjs was imported twice', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-yjs-'));
  const host = await startChildHost({ port: await freePort(), dataDir, env: { CONCORD_DEMO_ACCOUNTS_FILE: join(dataDir, 'demo-accounts.json') } });
  try {
    const { context, page } = await actAs({ browser, baseURL: host.url, organisation: 'Ghana', accounts: demoAccounts(dataDir), fresh: true });
    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    await openStatement({ page, title: jointStatementTitle });
    expect(logged.filter((text) => text.includes(warning))).toEqual([]);
    expect(host.output()).not.toContain(warning);
    await context.close();
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
