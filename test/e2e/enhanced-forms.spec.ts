import { expect, test, type Page } from '@playwright/test';
import { actAs, jointStatementTitle } from './support.ts';

/**
 * Forms are progressively enhanced (`web/src/lib/forms/enhance.ts`): with JavaScript they post in
 * the background — no page load (a marker on `window` survives), a pending state, focus moved to
 * what the answer says — and without it they post and reload as before.
 */

/** Holds the POSTs `matches` picks until `release` is called; counts them. */
async function holdPosts(page: Page, matches: (url: URL) => boolean): Promise<{ release: () => void; count: () => number }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let posts = 0;
  await page.route(matches, async (route) => {
    if (route.request().method() === 'POST') {
      posts += 1;
      await held;
    }
    await route.continue();
  });
  return { release: () => release(), count: () => posts };
}

const setMarker = (page: Page) => page.evaluate(() => Object.assign(window, { __marker: 1 }));
const marker = (page: Page) => page.evaluate(() => (window as unknown as { __marker?: number }).__marker);

test.describe('enhanced forms', () => {
  test('a refused form answers in place: pending, one post, focus on the error, the typed value kept', async ({ browser, baseURL }) => {
    const { context, page } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    await page.goto('/account');
    const posts = await holdPosts(page, (url) => url.pathname === '/account' && url.searchParams.has('/delete'));
    await setMarker(page);
    const password = page.locator('#delete-password');
    await password.fill('not my password at all');
    const button = page.getByRole('button', { name: /Delete my account/ });
    await button.click();

    const form = page.locator('form[action="?/delete"]');
    await expect(form).toHaveAttribute('aria-busy', 'true');
    await expect(button).toBeDisabled();
    await expect(button).toContainText('Sending…');
    await password.press('Enter');
    posts.release();

    const error = page.locator('#delete-error');
    await expect(error).toHaveText('That is not your password.');
    await expect(error).toBeFocused();
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(form).not.toHaveAttribute('aria-busy', 'true');
    await expect(button).toBeEnabled();
    await expect(button).not.toContainText('Sending…');
    await expect(password).toHaveValue('not my password at all');
    expect(posts.count()).toBe(1);
    expect(await marker(page)).toBe(1);
    await context.close();
  });

  test('a new draft and a settings change are saved without a page load, focus on the notice', async ({ browser, baseURL }) => {
    const member = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const title = `Enhanced forms ${Date.now()}`;
    await member.page.goto('/statements/new');
    await setMarker(member.page);
    await member.page.getByLabel('Title').fill(title);
    await member.page.getByLabel(/First text/).fill(`# ${title}\n\nA paragraph.\n`);
    await member.page.getByLabel('The whole coalition').check();
    await member.page.getByRole('button', { name: 'Start the draft' }).click();
    await member.page.waitForURL(/\/statements\/stmt_/);
    await expect(member.page.getByTestId('editor')).toContainText('A paragraph.');
    expect(await marker(member.page)).toBe(1);
    const address = new URL(member.page.url()).pathname;

    const secretariat = await actAs({ browser, baseURL: baseURL!, organisation: 'FOC Support Unit' });
    const { page } = secretariat;
    await page.goto(`${address}/settings`);
    const posts = await holdPosts(page, (url) => url.pathname === `${address}/settings`);
    await setMarker(page);
    await page.getByLabel('Observers read it').check();
    const save = page.getByRole('button', { name: /^Save/ });
    await save.click();
    await expect(save).toBeDisabled();
    await expect(save).toContainText('Sending…');
    await expect(page.locator('form[aria-busy="true"]')).toHaveCount(1);
    posts.release();

    const notice = page.getByTestId('message');
    await expect(notice).toContainText('Sharing saved');
    await expect(notice).toBeFocused();
    await expect(page).toHaveURL(/done=settings-saved/);
    await expect(page.getByLabel('Observers read it')).toBeChecked();
    expect(await marker(page)).toBe(1);
    expect(posts.count()).toBe(1);
    await member.context.close();
    await secretariat.context.close();
  });

  test('the same forms work without JavaScript', async ({ browser, baseURL }) => {
    const signedIn = await actAs({ browser, baseURL: baseURL!, organisation: 'FOC Support Unit' });
    await signedIn.page.goto('/');
    const statement = await signedIn.page.getByRole('link', { name: jointStatementTitle }).first().getAttribute('href');
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await signedIn.context.storageState() });
    const page = await context.newPage();

    await page.goto('/account');
    await page.locator('#delete-password').fill('still not my password');
    await page.getByRole('button', { name: /Delete my account/ }).click();
    await expect(page.locator('#delete-error')).toHaveText('That is not your password.');

    await page.goto(`${statement}/settings`);
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.waitForURL(/done=settings-unchanged/);
    await expect(page.getByTestId('message')).toContainText('Nothing changed.');
    await context.close();
    await signedIn.context.close();
  });
});
