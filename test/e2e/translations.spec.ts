import { expect, test, type Locator, type Page } from '@playwright/test';
import { actAs, startStatement, typeAtEnd } from './support.ts';
import { expectAccessible, expectNoHorizontalOverflow } from './layout.ts';

/**
 * Two delegations translate a fresh statement into Arabic, live: each sees the other's words.
 * The source changes in the statement's editor → that paragraph's translation shows stale (in
 * words, not colour alone) on both pages; reviewing it marks it current for everyone. The
 * translation column is Arabic and right to left, the source and the interface stay left to
 * right. Axe (WCAG 2.2 AA) on the list and the translation page.
 */
const first = 'States shall protect privacy online.';
const second = 'We call on all parties to act.';

const newStatement = (page: Page, title: string) => startStatement(page, { title, also: ['advisory'], markdown: `${first}\n\n${second}` });

async function openTranslation(page: Page, path: string): Promise<Locator> {
  await page.goto(`${path}/translations/ar`);
  await expect(page.getByTestId('translation-editor')).toHaveAttribute('data-ready', 'true');
  return page.getByTestId('translation-row');
}

test('two delegations translate into Arabic live; a changed source paragraph shows stale until reviewed', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
  const path = await newStatement(canada.page, `Translated statement ${Date.now()}`);

  await canada.page.goto(`${path}/translations`);
  await expect(canada.page.getByTestId('no-translations')).toBeVisible();
  await canada.page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await canada.page.getByRole('button', { name: 'Add the translation' }).click();
  await canada.page.waitForURL(/\/translations\/ar\?done=added/);
  await expect(canada.page.getByTestId('translation-editor')).toHaveAttribute('data-ready', 'true');
  const rowsA = canada.page.getByTestId('translation-row');
  const rowsB = await openTranslation(ghana.page, path);
  await expect(rowsA).toHaveCount(2);
  await expect(rowsB.nth(0).getByTestId('paragraph-state')).toHaveText(/Not translated yet/);
  // Who is translating, names isolated from the surrounding direction.
  await expect(canada.page.getByTestId('presence').locator('bdi', { hasText: 'Ghana' })).toBeVisible();

  // Each types one paragraph; each sees the other's words.
  await rowsA.nth(0).getByTestId('translation-field').pressSequentially('يجب على الدول حماية الخصوصية على الإنترنت.', { delay: 10 });
  await rowsB.nth(1).getByTestId('translation-field').pressSequentially('ندعو جميع الأطراف إلى العمل.', { delay: 10 });
  await expect(rowsB.nth(0).getByTestId('translation-field')).toHaveValue('يجب على الدول حماية الخصوصية على الإنترنت.');
  await expect(rowsA.nth(1).getByTestId('translation-field')).toHaveValue('ندعو جميع الأطراف إلى العمل.');
  await expect(rowsA.nth(0)).toHaveAttribute('data-state', 'current');
  await expect(rowsA.nth(1)).toHaveAttribute('data-state', 'current');
  await expect(canada.page.getByTestId('translation-summary')).toHaveText('2 of 2 paragraphs translated, 0 stale');

  // Right to left where the translation is, left to right around it.
  const field = rowsB.nth(0).getByTestId('translation-field');
  await expect(field).toHaveAttribute('lang', 'ar');
  await expect(field).toHaveAttribute('dir', 'rtl');
  await expect(rowsB.nth(0).getByTestId('source-paragraph')).toHaveAttribute('dir', 'ltr');
  await expect(ghana.page.locator('html')).toHaveAttribute('dir', 'ltr');
  const layout = await field.evaluate((element) => {
    const style = getComputedStyle(element);
    return { direction: style.direction, textAlign: style.textAlign };
  });
  expect(layout.direction).toBe('rtl');
  // `start` in a right-to-left field is its right edge.
  expect(['start', 'right']).toContain(layout.textAlign);
  // The translated title is right to left too.
  const title = ghana.page.getByTestId('translation-title');
  await expect(title).toHaveAttribute('dir', 'rtl');
  await expectAccessible(ghana.page, 'translation page');

  // The source changes in the statement's editor: paragraph 1's translation goes stale, live.
  const writer = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  await writer.page.goto(path);
  await expect(writer.page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live');
  const editor = writer.page.getByTestId('editor');
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  await editor.getByText(first).click();
  await writer.page.keyboard.press('End');
  await writer.page.keyboard.type(' Always.', { delay: 15 });
  for (const rows of [rowsA, rowsB]) {
    await expect(rows.nth(0)).toHaveAttribute('data-state', 'stale');
    await expect(rows.nth(0).getByTestId('paragraph-state')).toHaveText(/Stale: the source changed/);
    await expect(rows.nth(0).getByTestId('source-paragraph')).toContainText(`${first} Always.`);
    await expect(rows.nth(1)).toHaveAttribute('data-state', 'current');
  }
  await expect(ghana.page.getByTestId('translation-summary')).toHaveText('2 of 2 paragraphs translated, 1 stale');
  await expectAccessible(ghana.page, 'translation page with a stale paragraph');

  await ghana.page.goto(`${path}/translations`);
  const listed = ghana.page.getByTestId('translation').filter({ has: ghana.page.getByRole('link', { name: /Arabic/ }) });
  await expect(listed.getByTestId('stale')).toHaveText('1');
  await expect(listed.getByTestId('status')).toHaveText('Needs review');
  await expectAccessible(ghana.page, 'translations list');
  // On a phone the list scrolls inside its own box; the page does not run off the side.
  await ghana.page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(ghana.page, 'translations list, 390 px wide');
  await ghana.page.setViewportSize({ width: 1280, height: 720 });

  // Ghana reviews and marks it current; Canada's open page follows.
  await openTranslation(ghana.page, path);
  await rowsB.nth(0).getByTestId('mark-current').click();
  await ghana.page.waitForURL(/done=marked/);
  await expect(ghana.page.getByTestId('translation-editor')).toHaveAttribute('data-ready', 'true');
  await expect(rowsB.nth(0)).toHaveAttribute('data-state', 'current');
  await expect(rowsA.nth(0)).toHaveAttribute('data-state', 'current');
  await expect(canada.page.getByTestId('translation-summary')).toHaveText('2 of 2 paragraphs translated, 0 stale');

  for (const party of [canada, ghana, writer]) await party.context.close();
});

test('a language not offered is refused with a message, storing nothing; an advisory delegate reads the translation without translating', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  const path = await newStatement(canada.page, `Refused translation ${Date.now()}`);
  const response = await canada.page.request.post(`${path}/translations?/add`, { form: { language: 'xx' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('Choose a language from the list');
  await canada.page.goto(`${path}/translations`);
  await expect(canada.page.getByTestId('no-translations')).toBeVisible();
  await canada.page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await canada.page.getByRole('button', { name: 'Add the translation' }).click();
  await canada.page.waitForURL(/\/translations\/fr\?done=added/);

  const advisory = await actAs({ browser, baseURL: baseURL!, organisation: 'Wikimedia Foundation' });
  await advisory.page.goto(`${path}/translations`);
  await expect(advisory.page.getByTestId('translation')).toHaveCount(1);
  await expect(advisory.page.getByRole('button', { name: 'Add the translation' })).toHaveCount(0);
  const refused = await advisory.page.request.post(`${path}/translations?/add`, { form: { language: 'es' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  await advisory.page.goto(`${path}/translations/fr`);
  await expect(advisory.page.getByTestId('translation-editor')).toHaveAttribute('data-ready', 'true');
  await expect(advisory.page.getByTestId('translation-field').first()).toHaveAttribute('readonly', '');
  await expect(advisory.page.getByTestId('translation-field').first()).toHaveAttribute('lang', 'fr');
  await expect(advisory.page.getByTestId('translation-field').first()).toHaveAttribute('dir', 'ltr');

  // An Arabic interface is right to left around a French translation that stays left to right.
  await advisory.context.addCookies([{ name: 'concord_locale', value: 'ar', url: baseURL! }]);
  await advisory.page.goto(`${path}/translations/fr`);
  await expect(advisory.page.getByTestId('translation-editor')).toHaveAttribute('data-ready', 'true');
  await expect(advisory.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(advisory.page.getByTestId('paragraph-state').first()).toHaveText(/لم يُترجَم بعد/);
  const french = advisory.page.getByTestId('translation-field').first();
  expect(await french.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
  await expectAccessible(advisory.page, 'translation page in Arabic');
  for (const party of [canada, advisory]) await party.context.close();
});
