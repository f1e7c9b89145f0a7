import { hashCanonicalText } from '@concord/text';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { actAs, openLive, startStatement, typeAtEnd } from './support.ts';
import { expectAccessible, expectNoHorizontalOverflow } from './layout.ts';

/**
 * Two delegations edit a fresh statement and name "Rev. 1" and "Rev. 2"; the compare view shows
 * the change word by word (side by side and inline); restoring Rev. 1 reverts the text live in
 * the other delegation's open editor, and the history records the restore as a new version
 * whose hash is Rev. 1's — the hash a reader computes from the canonical text (@concord/text).
 * Axe (WCAG 2.2 AA) on the history and both compare views.
 */
const paragraph = 'States shall protect privacy online.';

const newStatement = (page: Page, title: string, options: { observers?: boolean } = {}) =>
  startStatement(page, { title, also: options.observers ? ['observers'] : [], markdown: paragraph });

async function nameVersion(page: Page, path: string, name: string): Promise<Locator> {
  await page.goto(`${path}/versions`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Name this version' }).click();
  await page.waitForURL(/done=named/);
  return versionCalled(page, name);
}

const versionCalled = (page: Page, name: string) => page.getByTestId('version').filter({ has: page.getByRole('heading', { name, exact: true }) });

test('name Rev. 1 and Rev. 2, compare them word by word, restore Rev. 1 live in the other editor', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
  const path = await newStatement(canada.page, `Versioned paragraph ${Date.now()}`);
  const editorA = await openLive(canada.page, path);
  const editorB = await openLive(ghana.page, path);
  // Canada names versions in a second window, keeping its editor open.
  const second = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  const history = second.page;

  await typeAtEnd({ page: canada.page, editor: editorA, text: ' Together.' });
  const rev1Text = `${paragraph} Together.`;
  // toContainText: the other's caret label sits inside the editor too.
  await expect(editorB).toContainText(rev1Text);
  const rev1 = await nameVersion(history, path, 'Rev. 1');
  await expect(rev1.getByTestId('version-kind')).toHaveText('Named version');
  await expect(rev1.getByTestId('version-hash')).toHaveText(hashCanonicalText({ text: `${rev1Text}\n` }));
  await expect(rev1.getByTestId('version-authors')).toContainText('Canada');
  const rev1Seq = Number(await rev1.getAttribute('data-seq'));

  await typeAtEnd({ page: ghana.page, editor: editorB, text: ' Now and always.' });
  const rev2Text = `${rev1Text} Now and always.`;
  await expect(editorA).toContainText(rev2Text);
  const rev2 = await nameVersion(history, path, 'Rev. 2');
  await expect(rev2.getByTestId('version-authors')).toContainText('Ghana');
  await expect(rev2.getByTestId('version-hash')).toHaveText(hashCanonicalText({ text: `${rev2Text}\n` }));
  const rev2Seq = Number(await rev2.getAttribute('data-seq'));

  // A name is taken once per statement.
  await history.getByLabel('Name', { exact: true }).fill(' rev. 1 ');
  await history.getByRole('button', { name: 'Name this version' }).click();
  await expect(history.getByRole('alert')).toContainText('already has that name');
  await expectAccessible(history, 'history');

  // Compare: side by side, then inline.
  await history.goto(`${path}/versions/compare?from=${rev1Seq}&to=${rev2Seq}`);
  const side = history.getByTestId('compare-side');
  await expect(side.locator('ins')).toHaveCount(1);
  await expect(side.locator('ins')).toContainText('Now and always.');
  await expect(side.locator('ins')).not.toContainText('Together');
  await expect(side.locator('del')).toHaveCount(0);
  await expectAccessible(history, 'compare side by side');
  await history.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(history, 'compare side by side, 390 px wide');
  await history.setViewportSize({ width: 1280, height: 720 });
  await history.getByLabel('Inline').check();
  await history.getByRole('button', { name: 'Compare', exact: true }).click();
  const inline = history.getByTestId('compare-inline');
  await expect(inline.locator('ins')).toContainText('Now and always.');
  await expect(inline).toContainText('Together.');
  await expectAccessible(history, 'compare inline');
  // Asked the other way round, the older version still comes first.
  await history.goto(`${path}/versions/compare?from=${rev2Seq}&to=${rev1Seq}&view=inline`);
  await expect(history.getByTestId('compare-inline').locator('ins')).toContainText('Now and always.');

  // Restore Rev. 1: Ghana's open editor reverts live; the history records it.
  await history.goto(`${path}/versions`);
  await versionCalled(history, 'Rev. 1').getByRole('button', { name: `Restore version ${rev1Seq}` }).click();
  await history.waitForURL(/done=restored/);
  await expect(editorB).not.toContainText('Now and always');
  await expect(editorB).toContainText(rev1Text);
  await expect(editorA).not.toContainText('Now and always');
  const restored = history.getByTestId('version').first();
  await expect(restored.getByTestId('restored-from')).toHaveAttribute('data-from', String(rev1Seq));
  await expect(restored.getByTestId('version-hash')).toHaveText(hashCanonicalText({ text: `${rev1Text}\n` }));
  await expectAccessible(history, 'history after restore');

  await second.context.close();
  await canada.context.close();
  await ghana.context.close();
});

test('an observer reads the versions of a shared draft but is offered neither naming nor restoring', async ({ browser, baseURL }) => {
  const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  const path = await newStatement(canada.page, `Observed paragraph ${Date.now()}`, { observers: true });
  await nameVersion(canada.page, path, 'Zero draft');
  const observer = await actAs({ browser, baseURL: baseURL!, organisation: 'Taiwan' });
  const response = await observer.page.goto(`${path}/versions`);
  expect(response?.status()).toBe(200);
  await expect(versionCalled(observer.page, 'Zero draft')).toBeVisible();
  await expect(observer.page.getByRole('button', { name: 'Name this version' })).toHaveCount(0);
  await expect(observer.page.getByRole('button', { name: /^Restore version/ })).toHaveCount(0);
  // The server refuses what the page does not offer.
  const named = await observer.page.request.post(`${path}/versions?/name`, { form: { name: 'Observer' }, headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(named.status()).toBe(403);
  await canada.context.close();
  await observer.context.close();
});
