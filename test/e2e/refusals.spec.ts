import { expect, test } from '@playwright/test';
import { actAs, membersOnlyTitle } from './support.ts';

/** Refused pages say what happened and what to do, in the reader's language — not "Something went wrong". */
test.describe('refusals', () => {
  test('a page the role may not open says so and who to ask', async ({ browser, baseURL }) => {
    const member = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const response = await member.page.goto('/coalition/audit');
    expect(response?.status()).toBe(403);
    await expect(member.page.getByRole('heading', { level: 1 })).toHaveText('You don’t have access to this page');
    await expect(member.page).toHaveTitle(/^You don’t have access to this page/);
    await expect(member.page.locator('main')).toContainText('Only the chair and the secretariat read the audit log.');
    await expect(member.page.locator('main')).toContainText('ask your coalition’s chair or secretariat for access');

    await member.context.addCookies([{ name: 'concord_locale', value: 'fr', url: baseURL! }]);
    await member.page.goto('/coalition/audit');
    await expect(member.page.getByRole('heading', { level: 1 })).toHaveText('Vous n’avez pas accès à cette page');
    await member.context.close();
  });

  test('a draft not shared with the reader reads exactly like one that does not exist', async ({ browser, baseURL }) => {
    const member = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    await member.page.goto('/');
    const hidden = await member.page.getByRole('link', { name: membersOnlyTitle }).getAttribute('href');
    expect(hidden).toMatch(/^\/statements\/stmt_/);
    await member.context.close();

    const observer = await actAs({ browser, baseURL: baseURL!, organisation: 'Taiwan' });
    const seen: { status: number | undefined; title: string; main: string }[] = [];
    for (const address of [hidden!, '/statements/stmt_01JNOSUCHSTATEMENT000000000']) {
      const response = await observer.page.goto(address);
      seen.push({ status: response?.status(), title: await observer.page.title(), main: await observer.page.locator('main').innerText() });
    }
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[0]?.status).toBe(404);
    await expect(observer.page.getByRole('heading', { level: 1 })).toHaveText('Not found, or not shared with you');
    await expect(observer.page.locator('main')).toContainText('ask them to share the draft with you');
    await observer.context.close();
  });
});
