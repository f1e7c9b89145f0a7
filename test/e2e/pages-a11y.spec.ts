import { expect, test, type Page } from '@playwright/test';
import { actAs, jointStatementTitle } from './support.ts';
import { analyzeAccessibility } from './axe.ts';

async function expectAccessible(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const { violations } = await analyzeAccessibility(page);
  expect(violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

test.describe('accessibility of the access pages', () => {
  test('signed out: sign in, reset, an invitation that does not work', async ({ page }) => {
    for (const path of ['/signin', '/reset', '/reset/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '/outbox']) await expectAccessible(page, path);
  });

  test('the account, two-factor, coalition, audit, new statement and sharing pages', async ({ browser, baseURL }) => {
    const { context, page } = await actAs({ browser, baseURL: baseURL!, organisation: 'FOC Support Unit' });
    await page.goto('/');
    const statement = await page.getByRole('link', { name: jointStatementTitle }).getAttribute('href');
    await page.goto('/coalition');
    const organisation = await page.getByRole('link', { name: /of Ghana$/ }).getAttribute('href');
    for (const path of ['/account', '/account/two-factor', '/coalition', organisation!, '/coalition/audit', '/coalition/audit?verify=1', '/statements/new', `${statement}/settings`]) {
      await expectAccessible(page, path);
    }
    await context.close();
  });
});
