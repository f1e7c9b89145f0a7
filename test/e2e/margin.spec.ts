import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { expectNoHorizontalOverflow } from './layout.ts';
import { openLive, select } from './negotiating.ts';
import { actAs, startStatement } from './support.ts';

/**
 * The margin (issue 14.1): on a wide screen each open comment is a card beside the paragraph its
 * words are in — still beside it after scrolling to paragraph 40 —, cards on adjacent paragraphs
 * do not overlap, the text has room, focusing a card or putting the caret in its words marks it
 * active; on a phone the items are a list after the text, and other people's caret labels do not
 * widen the page; who is here is a compact row.
 */
const paragraphs = 45;
const clause = (n: number) => `Clause ${n} ends`;

async function longStatement(page: Page, title: string): Promise<string> {
  const markdown = Array.from(
    { length: paragraphs },
    (_, i) => `${clause(i + 1)} here, with words enough to wrap onto a second line at a comfortable reading measure, as a real statement would.`,
  ).join('\n\n');
  return startStatement(page, { title, markdown });
}

async function comment(page: Page, words: string, body: string): Promise<void> {
  await select(page, words);
  await page.getByTestId('start-comment').click();
  await page.getByLabel(/your comment/i).fill(body);
  await page.getByTestId('negotiation-form').locator('button[type=submit]').click();
  await expect(page.getByTestId('negotiation-form')).toHaveCount(0);
}

/** What the viewport shows, kept with the test's results. */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

test('comments sit in a margin beside their paragraph, following the scroll; a list on a phone; presence compact', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  const page = canada.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  const path = await longStatement(page, `Margin ${Date.now()}`);
  const editor = await openLive(page, path);
  await expect(page.getByTestId('negotiation-panel')).toHaveAttribute('data-layout', 'margin');

  await comment(page, clause(40), 'Forty needs a source.');
  await comment(page, clause(41), 'Forty-one repeats forty.');
  const margin = page.getByTestId('margin');
  const forty = margin.getByTestId('thread').filter({ hasText: 'Forty needs a source.' });
  const fortyOne = margin.getByTestId('thread').filter({ hasText: 'Forty-one repeats forty.' });
  await expect(margin.getByTestId('thread')).toHaveCount(2);

  // Scrolled to paragraph 40: its card is level with it (within a line), both on screen.
  const paragraph = editor.locator('p', { hasText: clause(40) });
  await paragraph.scrollIntoViewIfNeeded();
  await expect.poll(async () => Math.abs((await box(forty)).y - (await box(paragraph)).y)).toBeLessThanOrEqual(40);
  for (const found of [await box(forty), await box(paragraph)]) {
    expect(found.y).toBeGreaterThanOrEqual(0);
    expect(found.y).toBeLessThan(900);
  }
  // The next paragraph's card is pushed below the first: no overlap.
  await expect.poll(async () => (await box(fortyOne)).y - ((await box(forty)).y + (await box(forty)).height)).toBeGreaterThanOrEqual(0);
  // The text has room, and nothing runs off the side.
  expect((await box(page.locator('.editor-main'))).width).toBeGreaterThanOrEqual(600);
  await expectNoHorizontalOverflow(page);
  await shot(page, testInfo, 'margin-wide');

  // Focusing a card marks it active and shows its words in the text; so does the caret in them.
  await forty.focus();
  await expect(margin.locator('[data-active=true]')).toContainText('Forty needs a source.');
  await expect(editor.locator('.neg-active')).toHaveText(clause(40));
  await select(page, clause(41));
  await expect(margin.locator('[data-active=true]')).toContainText('Forty-one repeats forty.');

  // Who is here: both editors in the compact row, each named with their organisation; the full list on demand.
  const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
  await openLive(ghana.page, path);
  const row = page.getByTestId('presence').locator('li');
  await expect(row).toHaveCount(2);
  await expect(row.nth(0)).toContainText(/Canada.*\(you\)/);
  await expect(row.nth(1)).toContainText('Ghana');
  await expect(page.getByTestId('presence-full')).toBeHidden();
  await page.getByTestId('presence-toggle').click();
  await expect(page.getByTestId('presence-full')).toBeVisible();
  await expect(page.getByTestId('presence-full')).toContainText('Ghana');
  await shot(page, testInfo, 'presence-open');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presence-full')).toBeHidden();

  // On a phone: the items are a list after the text.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('negotiation-panel')).toHaveAttribute('data-layout', 'list');
  await expect(page.getByTestId('negotiation-threads').getByTestId('thread')).toHaveCount(2);
  expect((await box(page.getByTestId('negotiation-panel'))).y).toBeGreaterThan((await box(editor)).y + (await box(editor)).height);
  await expectNoHorizontalOverflow(page);
  await shot(page, testInfo, 'list-phone');

  // Ghana's caret at the end of a full line: her label stays inside the editor's box, the page
  // does not widen (the same width in both browsers, so the same line breaks).
  await ghana.page.setViewportSize({ width: 390, height: 844 });
  await ghana.page.getByTestId('editor').locator('p', { hasText: clause(1) }).click({ position: { x: 5, y: 5 } });
  // End puts the caret after the line's last space, which a remote caret shows on the next line.
  await ghana.page.keyboard.press('End');
  await ghana.page.keyboard.press('ArrowLeft');
  const label = page.locator('.collaboration-carets__label');
  await expect(label).toHaveCount(1);
  await label.scrollIntoViewIfNeeded();
  const editorBox = await box(page.locator('.editor-main'));
  await expect.poll(async () => (await box(label)).x + (await box(label)).width, 'the label reaches the inline end').toBeGreaterThan(editorBox.x + editorBox.width - 40);
  await expectNoHorizontalOverflow(page);

  await ghana.context.close();
  await canada.context.close();
});
