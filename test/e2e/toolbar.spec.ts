import { expect, test, type Locator, type Page } from '@playwright/test';
import { actAs, openLive, startStatement, typeAtEnd } from './support.ts';
import { expectAccessible } from './layout.ts';

const newStatement = (page: Page, title: string) => startStatement(page, { title, also: ['observers'], markdown: 'An opening paragraph agreed by the members.' });

/** Presses a history button (or its shortcut) until it turns disabled: the whole history is used up. */
async function pressUntilDisabled(button: Locator, press: () => Promise<void>): Promise<void> {
  await expect(async () => {
    if ((await button.getAttribute('aria-disabled')) !== 'true') await press();
    await expect(button).toHaveAttribute('aria-disabled', 'true', { timeout: 300 });
  }).toPass({ timeout: 15_000 });
}

/** The text as typed: without the co-editors' caret labels, which name their organisation. */
function wordsOf(editor: Locator): Promise<string> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

test.describe('the editor toolbar', () => {
  test('undo takes back only your own words, in every editor, and redo brings them back', async ({ browser, baseURL }) => {
    const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
    const path = await newStatement(canada.page, `Undo ${Date.now()}`);
    const editorA = await openLive(canada.page, path);
    const editorB = await openLive(ghana.page, path);
    const undo = canada.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Undo' });
    const redo = canada.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Redo' });
    await expect(undo).toHaveAttribute('aria-disabled', 'true');
    await expect(redo).toHaveAttribute('aria-disabled', 'true');

    const mine = 'Canada writes this';
    const theirs = 'Ghana answers that';
    await typeAtEnd({ page: canada.page, editor: editorA, text: ` ${mine}.` });
    await expect(editorB).toContainText(mine);
    await typeAtEnd({ page: ghana.page, editor: editorB, text: ` ${theirs}.` });
    await expect(editorA).toContainText(theirs);

    await expect(undo).not.toHaveAttribute('aria-disabled');
    // Typing is grouped into undo steps by pauses (y-prosemirror's 500 ms capture window), so a
    // slow machine may split the sentence into several steps: undo until there is nothing left.
    await pressUntilDisabled(undo, () => undo.click());
    for (const editor of [editorA, editorB]) {
      await expect.poll(() => wordsOf(editor)).toBe(`An opening paragraph agreed by the members. ${theirs}.`);
    }

    await editorA.focus();
    await pressUntilDisabled(redo, () => canada.page.keyboard.press('Control+Shift+Z'));
    await expect(editorB).toContainText(mine);
    await expect(editorB).toContainText(theirs);
    await canada.context.close();
    await ghana.context.close();
  });

  test('a sub-section heading and a link are set from the toolbar and seen by co-editors; an unsafe address is refused; readers get no tools', async ({ browser, baseURL }) => {
    const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
    const path = await newStatement(canada.page, `Toolbar ${Date.now()}`);
    const editorA = await openLive(canada.page, path);
    const editorB = await openLive(ghana.page, path);
    const toolbar = canada.page.getByRole('toolbar', { name: 'Formatting' });

    await editorA.getByText('An opening paragraph').click();
    await toolbar.getByRole('button', { name: 'Sub-section' }).click();
    // Contains, not equals: Canada's caret label sits inside the heading in Ghana's editor.
    await expect(editorB.locator('h3')).toContainText('An opening paragraph');
    await expect(editorB.locator('p')).toHaveCount(0);
    await expect(toolbar.getByRole('button', { name: 'Sub-section' })).toHaveAttribute('aria-pressed', 'true');
    await expect(toolbar.getByRole('button', { name: 'Section', exact: true })).toHaveAttribute('aria-pressed', 'false');

    await typeAtEnd({ page: canada.page, editor: editorA, text: ' See the Covenant' });
    await canada.page.keyboard.press('Control+Shift+ArrowLeft');
    await toolbar.getByRole('button', { name: 'Link' }).click();
    const dialog = canada.page.getByRole('dialog', { name: 'Add a link' });
    const address = dialog.getByLabel('Address');
    await expect(address).toBeFocused();
    await address.fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Only web addresses (http, https) and e-mail addresses (mailto) can be linked.');
    await expect(address).toHaveValue('javascript:alert(1)');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(editorB.locator('a')).toHaveCount(0);

    await address.fill('ohchr.org/covenant');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();
    await expect(editorB.locator('a[href="https://ohchr.org/covenant"]')).toContainText('Covenant');

    // Clicking the link edits it, it does not navigate; Ctrl+K then offers to edit or remove it.
    await editorA.locator('a').click();
    await expect(canada.page).toHaveURL(new RegExp(`${path}$`));
    await canada.page.keyboard.press('Control+K');
    const edit = canada.page.getByRole('dialog', { name: 'Edit the link' });
    await expect(edit.getByLabel('Address')).toHaveValue('https://ohchr.org/covenant');
    await edit.getByRole('button', { name: 'Remove the link' }).click();
    await expect(editorB.locator('a')).toHaveCount(0);
    await expect(editorB).toContainText('See the Covenant');

    const taiwan = await actAs({ browser, baseURL: baseURL!, organisation: 'Taiwan' });
    await openLive(taiwan.page, path, false);
    await expect(taiwan.page.getByRole('toolbar')).toHaveCount(0);
    for (const who of [canada, ghana, taiwan]) await who.context.close();
  });

  test('Ctrl+/ opens the keyboard shortcuts, which list Ctrl+K; Escape returns to the text; both popovers pass axe', async ({ browser, baseURL }) => {
    const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const path = await newStatement(canada.page, `Shortcuts ${Date.now()}`);
    const editor = await openLive(canada.page, path);
    await editor.click();
    await canada.page.keyboard.press('Control+/');
    const help = canada.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('row', { name: /Link/ })).toContainText('Ctrl+K');
    await expect(help.getByRole('row', { name: /Redo/ })).toContainText('Ctrl+Shift+Z or Ctrl+Y');
    await expect(canada.page.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveAttribute('aria-expanded', 'true');
    await expectAccessible(canada.page, 'shortcuts help');
    await canada.page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(editor).toBeFocused();

    // Nothing selected: the dialog also asks for the words to show.
    await canada.page.keyboard.press('Control+K');
    const dialog = canada.page.getByRole('dialog', { name: 'Add a link' });
    await dialog.getByLabel('Text to show').fill('the secretariat');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Enter the address to link to.');
    await expect(dialog.getByLabel('Text to show')).toHaveValue('the secretariat');
    await expectAccessible(canada.page, 'link dialog with an error');
    await dialog.getByLabel('Address').fill('secretariat@example.org');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(editor.locator('a[href="mailto:secretariat@example.org"]')).toHaveText('the secretariat');
    await canada.context.close();
  });
});
