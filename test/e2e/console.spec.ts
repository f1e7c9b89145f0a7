import { expect, test, type Page } from '@playwright/test';
import { actAs } from './support.ts';

/**
 * A quiet console (issue #14 item 7): no error and no warning on the pages each kind of person
 * opens — signed out, a member, an observer and the chair — under the Content-Security-Policy as
 * configured (`web/svelte.config.js`), not a looser one. Statement pages are read once the editor
 * is live, so the socket and the editor have spoken too.
 */

/** Records every console error or warning and uncaught exception of `page`, with where it happened. */
function listen(page: Page): string[] {
  const heard: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') heard.push(`${new URL(page.url()).pathname} [${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => heard.push(`${new URL(page.url()).pathname} [exception] ${error.message}`));
  return heard;
}

/** Opens each page and lets it settle: a statement until its editor is live. */
async function visit(page: Page, paths: string[]): Promise<void> {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    if (/^\/statements\/stmt_[^/]+$/.test(path)) await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live', { timeout: 20_000 });
    // Late work (hydration, lazy chunks, the route announcer) has a moment to complain.
    await page.waitForTimeout(300);
  }
}

/** The first `count` statements the dashboard lists, and their versions pages. */
async function statementPages(page: Page, count: number): Promise<string[]> {
  await page.goto('/');
  const links = await page.locator('a[href^="/statements/stmt_"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const statements = [...new Set(links.filter((href) => /^\/statements\/stmt_[^/]+$/.test(href)))].slice(0, count);
  expect(statements.length).toBeGreaterThan(0);
  return [...statements, ...statements.map((s) => `${s}/versions`)];
}

test('a visitor’s pages log nothing: sign-in, reset, declarations and a published declaration', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const heard = listen(page);
  await page.goto('/declarations');
  const declaration = await page.locator('a[href^="/declarations/"]').first().getAttribute('href');
  await visit(page, ['/signin', '/reset', '/declarations', declaration!]);
  expect(heard).toEqual([]);
  await context.close();
});

for (const who of [
  { organisation: 'Canada', role: 'a member', more: ['/account', '/statements/new'] },
  { organisation: 'Taiwan', role: 'an observer', more: ['/account'] },
  { organisation: 'Estonia', role: 'the chair', more: ['/coalition', '/coalition/audit', '/account/two-factor'] },
]) {
  test(`${who.role}’s pages log nothing: dashboard, statements, versions and their own pages`, async ({ browser, baseURL }) => {
    const { context, page } = await actAs({ browser, baseURL: baseURL!, organisation: who.organisation });
    const heard = listen(page);
    const statements = await statementPages(page, 2);
    // The chair also opens a statement's sharing settings, translations and consensus call.
    const first = statements[0]!;
    const chairs = who.organisation === 'Estonia' ? [`${first}/settings`, `${first}/translations`, `${first}/call`] : [];
    await visit(page, ['/', ...statements, ...chairs, ...who.more]);
    expect(heard).toEqual([]);
    await context.close();
  });
}
