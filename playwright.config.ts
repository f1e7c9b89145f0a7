import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { freePort } from './test/support/free-port.ts';

/**
 * End-to-end tests against the real local host (`functions/src/local/main.ts`) serving the built
 * web app (`pnpm test:e2e` builds it first) with a fresh, seeded, on-disk store.
 *
 * Playwright loads this file in the runner and again in every worker: the port and data
 * directory are chosen once, by the runner, and reach the workers through the environment.
 */
if (!process.env.CONCORD_E2E_URL) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-e2e-'));
  process.env.CONCORD_E2E_PORT = String(port);
  process.env.CONCORD_E2E_DATA_DIR = dataDir;
  process.env.CONCORD_E2E_URL = `http://127.0.0.1:${port}`;
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}
const baseURL = process.env.CONCORD_E2E_URL;

/** Debian's Chromium when installed (no browser download here), else Playwright's own. */
const systemChromium = '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

export default defineConfig({
  testDir: 'test/e2e',
  reporter: 'list',
  // Two cores: one worker per core; each test drives up to two browser contexts.
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    baseURL,
    launchOptions,
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
  webServer: {
    command: `"${process.execPath}" --import tsx functions/src/local/main.ts`,
    url: `${baseURL}/signin`,
    env: {
      HOST: '127.0.0.1',
      PORT: process.env.CONCORD_E2E_PORT ?? '',
      CONCORD_DATA_DIR: process.env.CONCORD_E2E_DATA_DIR ?? '',
      CONCORD_SEED: '1',
      // The specs sign in with the seeded demo accounts (test/e2e/support.ts reads this file).
      CONCORD_DEMO_ACCOUNTS_FILE: join(process.env.CONCORD_E2E_DATA_DIR ?? '', 'demo-accounts.json'),
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
