import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { totpCode } from '@concord/auth';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The English joint statement seeded from the fixtures (shared with everyone). */
export const jointStatementTitle = /Joint civil society statement/;
/** The Traditional Chinese declaration seeded for member organisations only. */
export const membersOnlyTitle = /未來網際網路宣言/;

/** One seeded demo account, as the local host writes them to `CONCORD_DEMO_ACCOUNTS_FILE`. */
export interface DemoAccount {
  role: string;
  name: string;
  organisation: string;
  email: string;
  password: string;
  totpKey: string | null;
}

/** The demo accounts of the suite's host (or of a host started with its own data directory). */
export function demoAccounts(dataDir = process.env.CONCORD_E2E_DATA_DIR ?? ''): DemoAccount[] {
  return JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
}

export function demoAccount(input: { organisation: string; accounts?: DemoAccount[] }): DemoAccount {
  const account = (input.accounts ?? demoAccounts()).find((a) => a.organisation === input.organisation);
  if (!account) throw new Error(`no demo account for ${input.organisation}`);
  return account;
}

/** A code for a base32 TOTP key, `offsetSteps` 30-second steps from now. */
export function codeFor(input: { key: string; offsetSteps?: number }): string {
  return totpCode({ key: decodeBase32IgnorePadding(input.key.replace(/\s/g, '')), now: Date.now() + (input.offsetSteps ?? 0) * 30_000 });
}

/**
 * Signs in with a password and, when the account has two-factor, a code. A code is accepted once
 * per 30-second step, so when another sign-in just used this step's code the next step's (allowed
 * for clock drift) is tried, then the following step is waited for.
 */
export async function signIn(input: { page: Page; email: string; password: string; totpKey?: string | null; next?: string }): Promise<void> {
  const { page } = input;
  await page.goto(input.next ? `/signin?next=${encodeURIComponent(input.next)}` : '/signin');
  await page.getByLabel('Email address').fill(input.email);
  await page.getByLabel('Password').fill(input.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
  if (!new URL(page.url()).pathname.startsWith('/signin/two-factor')) return;
  if (!input.totpKey) throw new Error(`${input.email} needs a two-factor code`);
  for (const offsetSteps of [0, 1, 1]) {
    await page.getByLabel('Code').fill(codeFor({ key: input.totpKey, offsetSteps }));
    // The form is enhanced: the answer may arrive without a page load, so read the answer itself.
    const answer = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/signin/two-factor');
    await page.getByRole('button', { name: 'Continue' }).click();
    const response = await answer;
    // A body gone with the page means the page was replaced: only a success navigates.
    const body = await response.text().catch(() => '"type":"redirect"');
    if (response.status() === 303 || body.includes('"type":"redirect"')) {
      await page.waitForURL((url) => !url.pathname.startsWith('/signin/two-factor'));
      return;
    }
    await page.locator('form[aria-busy="true"]').waitFor({ state: 'detached' });
    if (offsetSteps === 1) await page.waitForTimeout(31_000 - (Date.now() % 30_000));
  }
  throw new Error(`two-factor refused for ${input.email}`);
}

/**
 * Signed-in browser states per organisation, kept for this worker: signing in costs an argon2
 * hash and counts against the per-address limit, so each demo account signs in once per worker.
 */
const signedIn = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

/** A fresh browser context signed in as the demo account of `organisation`. */
export async function actAs(input: { browser: Browser; baseURL: string; organisation: string; accounts?: DemoAccount[]; fresh?: boolean }): Promise<{ context: BrowserContext; page: Page }> {
  const key = `${input.baseURL} ${input.organisation}`;
  const cached = input.fresh ? undefined : signedIn.get(key);
  const context = await input.browser.newContext({ baseURL: input.baseURL, storageState: cached });
  const page = await context.newPage();
  if (!cached) {
    const account = demoAccount(input);
    await signIn({ page, email: account.email, password: account.password, totpKey: account.totpKey });
    if (!input.fresh) signedIn.set(key, await context.storageState());
  } else {
    await page.goto('/');
  }
  await expect(page.getByTestId('acting-as')).toContainText(input.organisation);
  return { context, page };
}

/** What the "new statement" form gets in a test: a title, the first text (Markdown or a file), who else reads it. */
export interface NewStatement {
  title: string;
  markdown?: string;
  file?: { name: string; mimeType: string; buffer: Buffer };
  language?: string;
  /** Boxes checked beyond the whole coalition's scope. */
  also?: readonly ('advisory' | 'advisoryParticipation' | 'observers')[];
  amendmentDecisions?: 'editors' | 'chair';
}

/**
 * Starts a statement for the whole coalition through the form (by field names, so in any interface
 * language) — a fresh one only the calling test edits; resolves to its path, `/statements/<id>`.
 */
export async function startStatement(page: Page, statement: NewStatement): Promise<string> {
  await page.goto('/statements/new');
  await page.locator('input[name=title]').fill(statement.title);
  if (statement.language) await page.locator('select[name=language]').selectOption(statement.language);
  await page.locator('input[name=scope][value=coalition]').check();
  for (const name of statement.also ?? []) await page.locator(`input[name=${name}]`).check();
  if (statement.amendmentDecisions) await page.locator(`input[name=amendmentDecisions][value=${statement.amendmentDecisions}]`).check();
  if (statement.markdown !== undefined) await page.locator('textarea[name=markdown]').fill(statement.markdown);
  if (statement.file) await page.locator('input[name=file]').setInputFiles(statement.file);
  await page.locator('form button[type=submit]').last().click();
  await page.waitForURL(/\/statements\/stmt_[^/]+$/);
  return new URL(page.url()).pathname;
}

/** The statement id at the end of a statement's path. */
export const statementIdOf = (path: string): string => path.split('/').pop()!;

/** Opens a statement's page and waits until its editor is live and editable (or read-only). */
export async function openLive(page: Page, path: string, editable = true): Promise<Locator> {
  await page.goto(path);
  const editor = page.getByTestId('editor');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live');
  await expect(editor).toHaveAttribute('contenteditable', editable ? 'true' : 'false');
  return editor;
}

/** Opens the statement from the list and waits until its editor is live and editable (or read-only). */
export async function openStatement(input: { page: Page; title: RegExp; editable?: boolean }): Promise<Locator> {
  const { page } = input;
  await page.goto('/');
  await page.getByRole('link', { name: input.title }).click();
  const editor = page.getByTestId('editor');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live');
  await expect(editor).toHaveAttribute('contenteditable', input.editable === false ? 'false' : 'true');
  return editor;
}

/** Types `text` at the very end of the editor's text. */
export async function typeAtEnd(input: { page: Page; editor: Locator; text: string }): Promise<void> {
  await input.editor.click();
  await input.page.keyboard.press('Control+End');
  await input.page.keyboard.type(input.text, { delay: 15 });
}

/** The newest mail to `to` in the local outbox page, and the first link in it. */
export async function linkFromOutbox(input: { page: Page; to: string; path: RegExp }): Promise<string> {
  const { page } = input;
  await page.goto('/outbox');
  const mail = page.locator('.mail', { hasText: input.to }).first();
  await expect(mail).toBeVisible();
  const href = await mail.getByRole('link', { name: input.path }).first().getAttribute('href');
  if (!href) throw new Error(`no link in the mail to ${input.to}`);
  return href;
}
