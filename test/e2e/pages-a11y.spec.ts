import { expect, test, type Page } from '@playwright/test';
import { actAs, jointStatementTitle } from './support.ts';
import { expectAccessible } from './layout.ts';

async function expectAccessibleAt(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expectAccessible(page, path);
}

test.describe('accessibility of the access pages', () => {
  test('signed out: sign in, reset, an invitation that does not work', async ({ page }) => {
    for (const path of ['/signin', '/reset', '/reset/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '/outbox']) await expectAccessibleAt(page, path);
  });

  test('the account, two-factor, coalition, audit, new statement and sharing pages', async ({ browser, baseURL }) => {
    const { context, page } = await actAs({ browser, baseURL: baseURL!, organisation: 'FOC Support Unit' });
    await page.goto('/');
    const statement = await page.getByRole('link', { name: jointStatementTitle }).getAttribute('href');
    await page.goto('/coalition');
    const organisation = await page.getByRole('link', { name: /of Ghana$/ }).getAttribute('href');
    for (const path of ['/account', '/account/two-factor', '/coalition', organisation!, '/coalition/audit', '/coalition/audit?verify=1', '/statements/new', `${statement}/settings`]) {
      await expectAccessibleAt(page, path);
    }
    await context.close();
  });
});
