/**
 * Browser to browser (`browser.*`, issue 16): three signed-in delegates in three Chromium
 * contexts type into the same statement on a local host serving the built web app; a sample is
 * the time from the keydown in one page to the character painted in another, broken down by the
 * probe each page carries (browser-probe.js, browser-samples.ts). Every character typed is a
 * distinct CJK ideograph, so each stamp names its keystroke.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { demoAccounts, jointStatementTitle, signIn, type DemoAccount } from '../e2e/support.ts';
import { freePort } from '../support/free-port.ts';
import { startChildHost } from '../support/local-host.ts';
import { benchConfig } from './config.ts';
import { breakdown, browserMetrics, type PageStamps } from './browser-samples.ts';
import { sleep } from './stats.ts';

const probePath = fileURLToPath(new URL('./browser-probe.js', import.meta.url));
/** Where typist i's markers start: 4,096 ideographs each, far more than a run types. */
const markerBase = (typist: number) => 0x4e00 + typist * 0x1000;

/** As playwright.config.ts launches it: Debian's Chromium when installed, else Playwright's own. */
const systemChromium = '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }
  : {};

interface Typist {
  account: DemoAccount;
  page: Page;
  cdp: CDPSession;
}

/** A writer's delegates: the chair's and two members' (issue 16's "three delegations"). */
function pickAccounts(accounts: DemoAccount[]): DemoAccount[] {
  const picked = accounts.filter((a) => a.role === 'chair' || a.organisation === 'Canada' || a.organisation === 'Ghana');
  if (picked.length !== 3) throw new Error(`expected the chair, Canada and Ghana among the demo accounts, found ${picked.map((a) => a.organisation).join(', ')}`);
  return picked;
}

/** Signs in, opens the joint statement, and puts the caret in a paragraph of its own at the end. */
async function openTypist(input: { browser: Browser; baseURL: string; account: DemoAccount }): Promise<Typist> {
  const { account } = input;
  const context = await input.browser.newContext({ baseURL: input.baseURL });
  await context.addInitScript({ path: probePath });
  const page = await context.newPage();
  await signIn({ page, email: account.email, password: account.password, totpKey: account.totpKey });
  await page.goto('/');
  await page.getByRole('link', { name: jointStatementTitle }).click();
  await page.locator('[data-testid="connection-status"][data-connection="live"]').waitFor();
  const editor = page.locator('[data-testid="editor"][contenteditable="true"]');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  return { account, page, cdp: await context.newCDPSession(page) };
}

/**
 * A real keydown (then keyup) for a character no keyboard layout has: Playwright's own `type`
 * would insert it as text without one. This is the event Playwright sends for a layout key.
 */
async function pressMarker(cdp: CDPSession, marker: string): Promise<void> {
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: marker, text: marker, unmodifiedText: marker });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: marker });
}

/** Types `markers` at `keysPerSecond` with ±40 % jitter, after a random start within one interval. */
async function typeAtPace(input: { typist: Typist; markers: string[]; keysPerSecond: number }): Promise<void> {
  const interval = 1000 / input.keysPerSecond;
  await sleep(Math.random() * interval);
  for (const marker of input.markers) {
    await pressMarker(input.typist.cdp, marker);
    await sleep(interval * (0.6 + 0.8 * Math.random()));
  }
}

const stampsOf = (page: Page) => page.evaluate(() => (window as unknown as { __browserBench: PageStamps }).__browserBench);

/** Waits until every other page painted each typist's last marker, or `timeoutMs` passed. */
async function settle(input: { typists: Typist[]; last: string[]; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + input.timeoutMs;
  while (Date.now() < deadline) {
    const stamps = await Promise.all(input.typists.map((t) => stampsOf(t.page)));
    const done = input.last.every((marker, i) => stamps.every((s, j) => j === i || marker in s.painted));
    if (done) return;
    await sleep(250);
  }
}

export async function measureBrowser(input: { log: (line: string) => void }): Promise<Record<string, number>> {
  const { durationMs, warmupMs, keysPerSecond } = benchConfig.browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-browser-'));
  const host = await startChildHost({ port: await freePort(), dataDir, env: { CONCORD_DEMO_ACCOUNTS_FILE: join(dataDir, 'demo-accounts.json') } });
  const browser = await chromium.launch(launchOptions);
  try {
    const typists: Typist[] = [];
    // One at a time: each sign-in is an argon2 hash, and the host shares the machine.
    for (const account of pickAccounts(demoAccounts(dataDir))) typists.push(await openTypist({ browser, baseURL: host.url, account }));
    const warmupKeys = Math.round((warmupMs / 1000) * keysPerSecond);
    const keys = Math.round((durationMs / 1000) * keysPerSecond);
    const plans = typists.map((_, i) => Array.from({ length: warmupKeys + keys }, (_, k) => String.fromCodePoint(markerBase(i) + k)));
    input.log(`browser: ${typists.map((t) => t.account.organisation).join(', ')} type ${keys} keys each at ${keysPerSecond}/s after ${warmupKeys} to warm up`);
    await Promise.all(typists.map((typist, i) => typeAtPace({ typist, markers: plans[i]!, keysPerSecond })));
    await settle({ typists, last: plans.map((plan) => plan.at(-1)!), timeoutMs: 10_000 });
    const stamps = await Promise.all(typists.map((t) => stampsOf(t.page)));
    const result = breakdown(typists.map((_, i) => ({ markers: plans[i]!.slice(warmupKeys), stamps: stamps[i]! })));
    return browserMetrics({ breakdown: result, keys: keys * typists.length });
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
