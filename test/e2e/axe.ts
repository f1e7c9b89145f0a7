import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.2 A and AA rules, as axe-core knows them. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 A and AA rules run on `page` as it stands; the caller asserts on
 * `violations`, which list every failing node. Every rule runs on every node; passes, incomplete
 * and inapplicable results name one node each at most (axe's `resultTypes`), since building a
 * selector for each passing node was a third of a check on a large page (/coalition: 2.9 s →
 * 1.9 s). One `axe.run` in the page itself (axe's "legacy" mode): the default runs each frame
 * apart and merges the results in a blank page it opens for every check, which on two cores cost
 * as much again as the check — and is there for cross-origin frames, which no page here has.
 */
export async function analyzeAccessibility(page: Page): ReturnType<AxeBuilder['analyze']> {
  return new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(tags).setLegacyMode().analyze();
}
