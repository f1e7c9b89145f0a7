/** Shared steps of the negotiation specs: a fresh statement, the live editor, selecting words. */
import { expect, type Locator, type Page } from '@playwright/test';
import { openLive as openEditor, startStatement } from './support.ts';

const paragraph = 'States shall protect privacy and freedom of expression online.';

export const newStatement = (page: Page, title: string) =>
  startStatement(page, { title, also: ['advisory', 'advisoryParticipation'], amendmentDecisions: 'editors', markdown: paragraph });

/** The live editor, once the negotiation summary beside it is drawn too. */
export async function openLive(page: Page, path: string, editable = true): Promise<Locator> {
  const editor = await openEditor(page, path, editable);
  await expect(page.getByTestId('negotiation-summary')).toBeVisible();
  return editor;
}

/**
 * Selects `words` in the editor the way a mouse would (a DOM selection ProseMirror reads), until
 * the panel offers to comment on it: highlights arriving just then re-render the paragraph, and a
 * DOM selection inside the replaced text is lost, as it would be for a person (who selects again).
 */
export async function select(page: Page, words: string): Promise<void> {
  await expect(async () => {
    await selectOnce(page, words);
    await expect(page.getByTestId('start-comment')).toBeEnabled({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

async function selectOnce(page: Page, words: string): Promise<void> {
  await page.getByTestId('editor').evaluate((root, target) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(target) ?? -1;
      if (index < 0) continue;
      (root as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + target.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`no “${target}” in the editor`);
  }, words);
}
