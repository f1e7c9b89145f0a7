import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoAccounts, signIn } from '../e2e/support.ts';
import { galleryRoles, outDir, slug, stateDir } from './gallery.ts';

/**
 * Before the pages are shot: each role signs in once (its browser state kept for the shooting
 * contexts), and a password reset and an invitation are mailed, so the outbox's links reach the
 * reset and join pages.
 */
test('every role signs in; a reset and an invitation wait in the outbox', async ({ browser, baseURL }) => {
  test.setTimeout(5 * 60_000);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });
  const accounts = demoAccounts();
  const who: Record<string, string> = { visitor: 'a visitor, not signed in' };
  for (const role of galleryRoles) {
    if (role === 'visitor') continue;
    const account = accounts.find((a) => a.role === role);
    if (!account) throw new Error(`no demo account for the role ${role}`);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn({ page, ...account });
    await context.storageState({ path: join(stateDir, `${slug(role)}.json`) });
    who[role] = `${account.name} (${account.organisation})`;
    if (role === 'secretariat') {
      await page.goto('/coalition');
      await page.getByRole('link', { name: /of Ghana$/ }).click();
      await page.getByLabel('Email address').fill('gallery.invitee@ghana.example');
      await page.getByLabel(/^Name/).fill('Gallery Invitee');
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await expect(page.getByTestId('message')).toContainText('invitation is sent');
    }
    await context.close();
  }
  const visitor = await browser.newContext({ baseURL });
  const page = await visitor.newPage();
  await page.goto('/reset');
  await page.getByLabel('Email address').fill(accounts.find((a) => a.role === 'member')!.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByText(/we sent it a link/)).toBeVisible();
  await visitor.close();
  writeFileSync(join(stateDir, 'who.json'), JSON.stringify(who));
});
