import { expect, test, type Page } from '@playwright/test';
import { actAs, demoAccount, jointStatementTitle, openLive, openStatement, startStatement, typeAtEnd } from './support.ts';
import { expectAccessible } from './layout.ts';

/**
 * Accessibility of drafting: axe (WCAG 2.2 A/AA) on every page and state of it that exists, the
 * keyboard-only drafting flow, polite announcements of who joins and leaves, and authorship in
 * text, never by colour alone. States still to come (comments, a consensus call, the public page)
 * slot in as more entries of `editorStates` and more paths in the first test.
 */

const newStatement = (page: Page, title: string) => startStatement(page, { title, also: ['observers'], markdown: 'An opening paragraph agreed by the members.' });

test.describe('accessibility of drafting', () => {
  test('the home page signed out, the statements list and the not-found page have no WCAG 2.2 AA violations', async ({ browser, page, baseURL }) => {
    await page.goto('/');
    await expectAccessible(page, 'home, signed out');
    const { context, page: signedIn } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    await signedIn.goto('/');
    await expect(signedIn.getByRole('link', { name: jointStatementTitle })).toBeVisible();
    await expectAccessible(signedIn, 'statements list');
    for (const path of ['/statements/stmt_doesnotexist', '/no/such/page']) {
      const response = await signedIn.goto(path);
      expect(response?.status()).toBe(404);
      await expectAccessible(signedIn, `not found ${path}`);
    }
    await context.close();
  });

  test('the editor has no violations for a writer with someone else’s caret in the text, nor for a read-only observer', async ({ browser, baseURL }) => {
    const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const path = await newStatement(canada.page, `Accessibility check ${Date.now()}`);
    const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
    const taiwan = await actAs({ browser, baseURL: baseURL!, organisation: 'Taiwan' });
    await openLive(canada.page, path, true);
    await openLive(ghana.page, path, true);
    await typeAtEnd({ page: ghana.page, editor: ghana.page.getByTestId('editor'), text: ' Ghana was here.' });
    await expect(canada.page.locator('.collaboration-carets__label')).toBeVisible();
    const editorStates = [
      { label: 'editor as writer', page: canada.page },
      { label: 'editor as read-only observer', page: taiwan.page, setup: () => openLive(taiwan.page, path, false) },
    ];
    for (const state of editorStates) {
      await state.setup?.();
      await expectAccessible(state.page, state.label);
    }
    await expect(taiwan.page.getByTestId('read-only-notice')).toBeVisible();
    for (const who of [canada, ghana, taiwan]) await who.context.close();
  });

  test('a delegate drafts with the keyboard only: Tab to the editor, type, and format from the toolbar with arrow keys', async ({ browser, baseURL }) => {
    const { context, page } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const path = await newStatement(page, `Keyboard draft ${Date.now()}`);
    await openLive(page, path, true);
    const editor = page.getByTestId('editor');
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });

    // Tab from the top of the page: the toolbar is one tab stop (roving tabindex), then the editor.
    await page.locator('body').focus();
    let toolbarStops = 0;
    for (let presses = 0; presses < 40 && !(await editor.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
      if (await toolbar.evaluate((el) => el.contains(document.activeElement))) toolbarStops += 1;
    }
    await expect(editor).toBeFocused();
    expect(toolbarStops).toBe(1);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Typed without a mouse.');
    await expect(editor).toContainText('Typed without a mouse.');

    // Back to the toolbar, along it with the arrow keys, and Bold with Enter.
    await page.keyboard.press('Shift+Tab');
    await expect(toolbar.getByRole('button').first()).toBeFocused();
    await page.keyboard.press('End');
    await expect(toolbar.getByRole('button').last()).toBeFocused();
    await page.keyboard.press('Home');
    // Undo, Redo, Paragraph, Title, Section, Sub-section, then Bold.
    for (let presses = 0; presses < 6; presses++) await page.keyboard.press('ArrowRight');
    const bold = toolbar.getByRole('button', { name: 'Bold' });
    await expect(bold).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(editor).toBeFocused();
    await page.keyboard.type(' In bold.');
    await expect(editor.locator('strong')).toContainText('In bold.');
    await expect(bold).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-saved', 'true');
    await context.close();
  });

  test('people joining, leaving and changing the text are announced politely, and carets name the person and organisation in text', async ({ browser, baseURL }) => {
    const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const path = await newStatement(canada.page, `Presence ${Date.now()}`);
    await openLive(canada.page, path, true);
    const announcements = canada.page.getByTestId('announcements');
    await expect(announcements).toHaveAttribute('aria-live', 'polite');

    const ghanaAccount = demoAccount({ organisation: 'Ghana' });
    const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
    await openLive(ghana.page, path, true);
    await expect(announcements).toContainText(`${ghanaAccount.name} (Ghana) is here.`);
    await typeAtEnd({ page: ghana.page, editor: ghana.page.getByTestId('editor'), text: ' Ghana types.' });
    // Her changes are announced by name, once while she types (not every keystroke).
    await expect(announcements).toContainText(`${ghanaAccount.name} (Ghana) changed the text.`);
    await expect(announcements.getByText(`${ghanaAccount.name} (Ghana) changed the text.`)).toHaveCount(1);

    // Authorship in words: the caret label and the presence list carry name and organisation.
    await expect(canada.page.locator('.collaboration-carets__label')).toHaveText(`${ghanaAccount.name} · Ghana`);
    const present = canada.page.getByTestId('presence');
    await expect(present).toContainText(ghanaAccount.name);
    await expect(present).toContainText('Ghana');

    await ghana.context.close();
    await expect(announcements).toContainText(`${ghanaAccount.name} (Ghana) left.`);
    await expect(present).not.toContainText(ghanaAccount.name);
    await canada.context.close();
  });
});
