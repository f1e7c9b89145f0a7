import { expect, test } from '@playwright/test';
import { actAs } from './support.ts';

/**
 * What a delegate types before the page's scripts have run is kept: on a slow connection the
 * server-rendered form is usable at once, and hydration must not put the field back to what the
 * server rendered (it did for a new statement's title, and the form then refused to submit).
 */
test('a title typed before the new-statement page hydrates survives hydration', async ({ browser, baseURL }) => {
  const { page } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  let release = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/**', async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  // Not even DOMContentLoaded: the app's module scripts hold it, and they are held back.
  await page.goto('/statements/new', { waitUntil: 'commit' });
  const title = page.locator('input[name=title]');
  await title.fill('Typed before the scripts ran');
  release();
  // Hydration runs as soon as the app's scripts are in; then nothing is fetched for a while.
  await page.waitForLoadState('networkidle');
  await expect(title).toHaveValue('Typed before the scripts ran');
});
