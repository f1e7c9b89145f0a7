import { expect, test } from '@playwright/test';
import { actAs, jointStatementTitle, openStatement, typeAtEnd } from './support.ts';

test.describe('co-editing a statement', () => {
  test('two delegates see each other’s text and named caret, and a reload keeps the text', async ({ browser, baseURL }) => {
    const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
    const editorA = await openStatement({ page: canada.page, title: jointStatementTitle });
    const editorB = await openStatement({ page: ghana.page, title: jointStatementTitle });

    const marker = ` Canada proposes: digital rights are human rights ${Date.now()}.`;
    await typeAtEnd({ page: canada.page, editor: editorA, text: marker });
    await expect(editorB).toContainText(marker.trim());

    // Canada's caret is shown to Ghana with the person's name and organisation in text.
    const caretLabel = ghana.page.locator('.collaboration-carets__label');
    await expect(caretLabel).toContainText('Canada');
    await expect(ghana.page.getByTestId('presence')).toContainText('Canada');

    const reply = ` Ghana agrees ${Date.now()}.`;
    await typeAtEnd({ page: ghana.page, editor: editorB, text: reply });
    await expect(editorA).toContainText(reply.trim());
    await expect(canada.page.getByTestId('connection-status')).toHaveAttribute('data-saved', 'true');
    await expect(ghana.page.getByTestId('connection-status')).toHaveAttribute('data-saved', 'true');

    await ghana.page.reload();
    await expect(ghana.page.getByTestId('editor')).toContainText(marker.trim());
    await expect(ghana.page.getByTestId('editor')).toContainText(reply.trim());
    await canada.context.close();
    await ghana.context.close();
  });

  test('an observer reads the live text but cannot edit it', async ({ browser, baseURL }) => {
    const member = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const observer = await actAs({ browser, baseURL: baseURL!, organisation: 'Taiwan' });
    const editor = await openStatement({ page: member.page, title: jointStatementTitle });
    const readOnly = await openStatement({ page: observer.page, title: jointStatementTitle, editable: false });
    await expect(observer.page.getByTestId('read-only-notice')).toBeVisible();

    const marker = ` Canada adds ${Date.now()}.`;
    await typeAtEnd({ page: member.page, editor, text: marker });
    await expect(readOnly).toContainText(marker.trim());
    await member.context.close();
    await observer.context.close();
  });
});
