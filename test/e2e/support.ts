import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The English joint statement seeded from the fixtures. */
export const jointStatementTitle = /Joint civil society statement/;

/** A fresh browser context acting as the delegate of `organisation` (chosen on /demo). */
export async function actAs(input: { browser: Browser; baseURL: string; organisation: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await input.browser.newContext({ baseURL: input.baseURL });
  const page = await context.newPage();
  await page.goto('/demo');
  await page.getByRole('button', { name: new RegExp(`, ${input.organisation}$`) }).first().click();
  await expect(page.getByTestId('acting-as')).toContainText(input.organisation);
  return { context, page };
}

/** Opens the statement from the list and waits until its editor is live and editable (or read-only). */
export async function openStatement(input: { page: Page; title: RegExp; editable?: boolean }): Promise<Locator> {
  const { page } = input;
  await page.goto('/');
  await page.getByRole('link', { name: input.title }).click();
  const editor = page.getByTestId('editor');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live');
  await expect(editor).toHaveAttribute('contenteditable', input.editable === false ? 'false' : 'true');
  return editor;
}

/** Types `text` at the very end of the editor's text. */
export async function typeAtEnd(input: { page: Page; editor: Locator; text: string }): Promise<void> {
  await input.editor.click();
  await input.page.keyboard.press('Control+End');
  await input.page.keyboard.type(input.text, { delay: 15 });
}
