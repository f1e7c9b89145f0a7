import { expect, test } from '@playwright/test';
import { actAs, demoAccount, jointStatementTitle, membersOnlyTitle, openStatement, signIn } from './support.ts';

test.describe('access', () => {
  test('an observer reads a draft shared with observers but cannot type, and never sees a members-only draft', async ({ browser, baseURL }) => {
    const member = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    await member.page.goto('/');
    const hidden = await member.page.getByRole('link', { name: membersOnlyTitle }).getAttribute('href');
    expect(hidden).toMatch(/^\/statements\/stmt_/);

    const observer = await actAs({ browser, baseURL: baseURL!, organisation: 'Taiwan' });
    const editor = await openStatement({ page: observer.page, title: jointStatementTitle, editable: false });
    await expect(editor).toContainText('Joint civil society statement');
    const before = await editor.textContent();
    await editor.click();
    await observer.page.keyboard.type('observer text', { delay: 10 });
    expect(await editor.textContent()).toBe(before);

    await observer.page.goto('/');
    await expect(observer.page.getByRole('link', { name: jointStatementTitle })).toBeVisible();
    await expect(observer.page.getByRole('link', { name: membersOnlyTitle })).toHaveCount(0);
    const response = await observer.page.goto(hidden!);
    expect(response?.status()).toBe(404);
    await expect(observer.page.locator('body')).not.toContainText('未來');
    expect((await observer.page.request.post(`${hidden}/ticket`)).status()).toBe(404);
    await member.context.close();
    await observer.context.close();
  });

  test('a session ended from the account page is signed out on its next request', async ({ browser, baseURL }) => {
    const account = demoAccount({ organisation: 'Wikimedia Foundation' });
    const here = await browser.newContext({ baseURL });
    const elsewhere = await browser.newContext({ baseURL, userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0' });
    const page = await here.newPage();
    const other = await elsewhere.newPage();
    await signIn({ page, ...account });
    await signIn({ page: other, ...account });
    await other.goto('/account');
    await expect(other.getByTestId('sessions')).toContainText('Firefox on Windows');

    await page.goto('/account');
    const row = page.getByTestId('sessions').getByRole('row', { name: /Firefox on Windows/ });
    await row.getByRole('button', { name: /^End/ }).click();
    await expect(page.getByTestId('message')).toContainText('That session is ended');

    await other.goto('/account');
    await expect(other).toHaveURL(/\/signin\?next=%2Faccount/);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/account$/);
    await here.close();
    await elsewhere.close();
  });

  test('a member starts a draft; narrowing its sharing to members tells an observer’s open editor it is no longer shared', async ({ browser, baseURL }) => {
    const member = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const title = `Sharing test ${Date.now()}`;
    const marker = `First paragraph ${Date.now()}`;
    await member.page.goto('/');
    await member.page.getByRole('link', { name: 'New statement' }).click();
    await member.page.getByLabel('Title').fill(title);
    await member.page.getByLabel(/First text/).fill(`# ${title}\n\n${marker}\n`);
    // New drafts are members-only; sharing with the coalition's observers is a deliberate act.
    await member.page.getByLabel('The whole coalition').check();
    await member.page.getByLabel('Observers read it').check();
    await member.page.getByRole('button', { name: 'Start the draft' }).click();
    await member.page.waitForURL(/\/statements\/stmt_/);
    const address = new URL(member.page.url()).pathname;
    await expect(member.page.getByTestId('editor')).toContainText(marker);

    const observer = await actAs({ browser, baseURL: baseURL!, organisation: 'Taiwan' });
    await observer.page.goto(address);
    await expect(observer.page.getByTestId('editor')).toContainText(marker);
    await expect(observer.page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live');

    const secretariat = await actAs({ browser, baseURL: baseURL!, organisation: 'FOC Support Unit' });
    await secretariat.page.goto(`${address}/settings`);
    await secretariat.page.getByLabel('Member organisations only').check();
    await secretariat.page.getByRole('button', { name: 'Save' }).click();
    await expect(secretariat.page.getByTestId('message')).toContainText('Sharing saved');

    await expect(observer.page.getByTestId('editor-refusal')).toContainText('This draft is no longer shared with you.');
    await expect(member.page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live');
    await expect(member.page.getByTestId('editor')).toHaveAttribute('contenteditable', 'true');
    expect((await observer.page.goto(address))?.status()).toBe(404);
    await member.context.close();
    await observer.context.close();
    await secretariat.context.close();
  });
});
