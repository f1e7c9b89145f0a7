import { expect, test, type Browser, type Page } from '@playwright/test';
import { actAs, codeFor, jointStatementTitle, linkFromOutbox, openStatement, signIn, typeAtEnd } from './support.ts';

const password = 'correct horse battery staple';

/** Invites `email` to `organisation` from its page in the coalition pages, as whoever `page` is. */
async function invite(input: { page: Page; organisation: string; email: string; name: string; lead: boolean }): Promise<void> {
  const { page } = input;
  await page.goto('/coalition');
  await page.getByRole('link', { name: new RegExp(`of ${input.organisation}$`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(input.organisation);
  await page.getByLabel('Email address').fill(input.email);
  await page.getByLabel(/^Name/).fill(input.name);
  if (input.lead) await page.getByLabel(/organisation lead/).check();
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByTestId('message')).toContainText('invitation is sent');
  await expect(page.getByTestId('invitations')).toContainText(input.email);
}

/** Opens the invitation link in a new browser and joins; returns the invitee's page. */
async function accept(input: { browser: Browser; baseURL: string; link: string; name: string }): Promise<Page> {
  const context = await input.browser.newContext({ baseURL: input.baseURL });
  const page = await context.newPage();
  await page.goto(input.link);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Join');
  await page.getByLabel('Your name').fill(input.name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Join' }).click();
  return page;
}

test.describe.serial('membership', () => {
  const stamp = Date.now();
  const invitee = { email: `ama.mensah.${stamp}@ghana.example`, name: `Ama Mensah ${stamp}` };
  const removed = { email: `jonas.berg.${stamp}@canada.example`, name: `Jonas Berg ${stamp}` };

  test('the secretariat invites a lead, who joins, enrols two-factor, signs in again and co-edits', async ({ browser, baseURL }) => {
    const secretariat = await actAs({ browser, baseURL: baseURL!, organisation: 'FOC Support Unit' });
    await invite({ page: secretariat.page, organisation: 'Ghana', ...invitee, lead: true });
    const link = await linkFromOutbox({ page: secretariat.page, to: invitee.email, path: /\/invite\// });

    const page = await accept({ browser, baseURL: baseURL!, link, name: invitee.name });
    // Organisation leads must enrol two-factor before anything else.
    await page.waitForURL(/\/account\/two-factor\?required=1/);
    await expect(page.getByTestId('two-factor-required')).toBeVisible();
    await expect(page.locator('.qr svg')).toBeVisible();
    const key = (await page.getByTestId('manual-key').textContent()) ?? '';
    await page.getByRole('textbox', { name: 'Code' }).fill(codeFor({ key }));
    await page.getByRole('button', { name: 'Turn two-factor on' }).click();
    await expect(page.getByTestId('two-factor-status')).toContainText('On');

    // The invitation link is single use.
    const again = await page.context().newPage();
    await again.goto(link);
    await expect(again.getByRole('heading', { level: 1 })).toHaveText('This invitation link does not work');
    await again.close();

    await page.getByTestId('acting-as').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await signIn({ page, email: invitee.email, password, totpKey: key });
    await expect(page.getByTestId('acting-as')).toContainText(invitee.name);

    const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const theirs = await openStatement({ page: canada.page, title: jointStatementTitle });
    const mine = await openStatement({ page, title: jointStatementTitle });
    const marker = ` Ghana's new lead adds ${stamp}.`;
    await typeAtEnd({ page, editor: mine, text: marker });
    await expect(theirs).toContainText(marker.trim());
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-saved', 'true');
    await canada.context.close();
    await page.context().close();
    await secretariat.context.close();
  });

  test('a delegate removed by the chair is disconnected at once and cannot sign in again', async ({ browser, baseURL }) => {
    const chair = await actAs({ browser, baseURL: baseURL!, organisation: 'Estonia' });
    await invite({ page: chair.page, organisation: 'Canada', ...removed, lead: false });
    const link = await linkFromOutbox({ page: chair.page, to: removed.email, path: /\/invite\// });
    const page = await accept({ browser, baseURL: baseURL!, link, name: removed.name });
    await page.waitForURL((url) => url.pathname === '/');
    await openStatement({ page, title: jointStatementTitle });

    await chair.page.goto('/coalition');
    await chair.page.getByRole('link', { name: /of Canada$/ }).click();
    await chair.page.getByRole('button', { name: `Remove ${removed.name}` }).click();
    await expect(chair.page.getByTestId('message')).toContainText('removed');
    await expect(chair.page.getByTestId('people')).not.toContainText(removed.name);

    await expect(page.getByTestId('editor-refusal')).toContainText('Your session ended: sign in again.');
    await expect(page.getByTestId('editor')).toHaveAttribute('contenteditable', 'false');

    await page.goto('/signin');
    await page.getByLabel('Email address').fill(removed.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('do not match an account');
    await page.context().close();
    await chair.context.close();
  });

  test('the audit log lists these acts, names removed people as former delegates, and verifies', async ({ browser, baseURL }) => {
    const chair = await actAs({ browser, baseURL: baseURL!, organisation: 'Estonia' });
    await chair.page.goto('/coalition/audit');
    const log = chair.page.getByTestId('audit');
    for (const act of ['member.invited', 'member.joined', 'member.removed']) await expect(log.getByText(act, { exact: true }).first()).toBeVisible();
    await expect(log.getByRole('row', { name: /member\.joined/ }).filter({ hasText: invitee.name }).first()).toBeVisible();
    await expect(log.getByRole('row', { name: /member\.removed/ }).first()).toContainText('Former delegate');
    await chair.page.getByRole('button', { name: 'Verify the chain' }).click();
    await expect(chair.page.getByTestId('message')).toContainText(/The chain is intact: all \d+ entries verify/);
    await chair.context.close();
  });
});
