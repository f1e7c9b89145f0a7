/**
 * Measurements for the interface in each language: the messages a page should show, whether a
 * row of the layout starts on the right (mirrored for Arabic), whether anything overflows
 * sideways, and screenshots kept with the test's results.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { analyzeAccessibility } from './axe.ts';

export const interfaceLocales = ['en', 'fr', 'es', 'ar'] as const;
export type InterfaceLocale = (typeof interfaceLocales)[number];

const messagesDir = fileURLToPath(new URL('../../web/messages/', import.meta.url));

/** Every message of `locale`, from the root file and each area's file, as Paraglide reads them. */
export function messagesOf(locale: InterfaceLocale): Record<string, string> {
  const files = [join(messagesDir, `${locale}.json`)];
  for (const entry of readdirSync(messagesDir)) {
    const file = join(messagesDir, entry, `${locale}.json`);
    if (statSync(join(messagesDir, entry)).isDirectory()) files.push(file);
  }
  return Object.assign({}, ...files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}

/** No violation of axe's WCAG 2.2 A and AA rules on `page` as it stands (`where` names it in the failure). */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  const { violations } = await analyzeAccessibility(page);
  expect(violations.map((v) => `${where}: ${v.id} (${v.nodes.length}) ${v.help} — ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

/** The interface's language and direction on `<html>`. */
export async function expectInterface(page: Page, locale: InterfaceLocale): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
}

/**
 * Nothing runs off the side: the document and `<main>` do not scroll sideways, and no visible
 * element reaches past either edge of the viewport (in right-to-left pages, content pushed past
 * the right edge is cut off without adding to `scrollWidth`, so both are measured). What is
 * inside a box that scrolls or clips sideways (a wide table's scroll region) is that box's
 * business: the box itself must fit.
 */
export async function expectNoHorizontalOverflow(page: Page, where = page.url()): Promise<void> {
  const found = await page.evaluate(() => {
    const over = (el: Element | null) => (el ? Math.max(0, el.scrollWidth - el.clientWidth) : 0);
    const width = document.documentElement.clientWidth;
    const escaping: string[] = [];
    const insideSideways = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width < 2 || box.height < 2 || el.closest('.visually-hidden, [aria-hidden="true"]')) continue;
      if (getComputedStyle(el).visibility === 'hidden' || insideSideways(el)) continue;
      if (box.left < -1 || box.right > width + 1) escaping.push(`${el.tagName.toLowerCase()}.${el.className} [${Math.round(box.left)}, ${Math.round(box.right)}] of ${width}`);
    }
    return { document: over(document.documentElement), main: over(document.querySelector('main')), escaping: escaping.slice(0, 5) };
  });
  expect(found, where).toEqual({ document: 0, main: 0, escaping: [] });
}

/**
 * Which side of a box its content starts on: its visible words measured against the box (or,
 * with `within`, against the nearest ancestor matching it, for items that shrink to their text).
 * "right" means the gap on the right is the smaller one; "centre" when the gaps are equal.
 */
export async function inlineStart(locator: Locator, within?: string): Promise<'left' | 'right' | 'centre'> {
  return locator.evaluate((el, selector) => {
    // The words only: not other people's carets and their labels (aria-hidden widgets in the text).
    let left = Infinity;
    let right = -Infinity;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || node.parentElement?.closest('[aria-hidden="true"]')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      left = Math.min(left, rect.left);
      right = Math.max(right, rect.right);
    }
    const content = { left, right };
    const frame = (selector ? el.closest(selector) : null) ?? el;
    const box = frame.getBoundingClientRect();
    const style = getComputedStyle(frame);
    const leftGap = content.left - box.left - parseFloat(style.paddingLeft) - parseFloat(style.borderLeftWidth);
    const rightGap = box.right - content.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    if (Math.abs(leftGap - rightGap) < 1) return 'centre';
    return rightGap < leftGap ? 'right' : 'left';
  }, within);
}

/** Left to right order on screen of the boxes `locators` match: their x positions. */
export async function xs(locators: Locator[]): Promise<number[]> {
  const boxes = await Promise.all(locators.map((l) => l.boundingBox()));
  return boxes.map((box) => {
    if (!box) throw new Error('not on screen');
    return box.x;
  });
}

/** The header reads from the right: the brand at the right-hand end, the main links right to left. */
export async function expectMirroredHeader(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  const brand = (await page.getByTestId('brand').boundingBox())!;
  expect(brand.x + brand.width, 'the brand is at the right-hand end').toBeGreaterThan(width * 0.85);
  const links = page.getByTestId('main-nav').getByRole('link');
  const [first, second] = await xs([links.nth(0), links.nth(1)]);
  expect(first!, 'the first main link is right of the second').toBeGreaterThan(second!);
}

/** A full-page screenshot kept with the test's results (and listed in its attachments). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
