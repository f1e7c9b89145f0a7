import { decodeFrame } from '@concord/sync/frames';
import { expect, test } from '@playwright/test';
import { actAs, jointStatementTitle, openStatement, typeAtEnd } from './support.ts';

/** Whether a gateway frame from the server carries a text update (`[0, 2, …]`, alone or in a batch). */
function carriesUpdate(frame: string): boolean {
  const decoded = decodeFrame(frame);
  const messages = decoded?.kind === 'message' ? [decoded.data] : decoded?.kind === 'batch' ? decoded.messages : [];
  return messages.some((message) => message[0] === 0 && message[1] === 2);
}

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

  test('an update lost on its way to one delegate heals: what builds on it makes their editor ask again', async ({ browser, baseURL }) => {
    const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
    // Between Ghana's browser and the hub: passes everything, except the one update frame it is told to drop.
    let dropNext = false;
    let dropped = 0;
    await ghana.page.routeWebSocket(/\/ws\?/, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        if (dropNext && typeof message === 'string' && carriesUpdate(message)) {
          dropNext = false;
          dropped += 1;
          return;
        }
        socket.send(message);
      });
    });
    const editorA = await openStatement({ page: canada.page, title: jointStatementTitle });
    const editorB = await openStatement({ page: ghana.page, title: jointStatementTitle });

    dropNext = true;
    const first = ` Canada: lost on the way ${Date.now()}.`;
    await typeAtEnd({ page: canada.page, editor: editorA, text: first });
    const second = ` Canada: and after it ${Date.now()}.`;
    await typeAtEnd({ page: canada.page, editor: editorA, text: second });
    expect(dropped).toBe(1);
    // Everything Canada typed after the lost keystroke builds on it: without asking again, Ghana
    // would see none of it until the next reconnect (or the periodic ask, minutes later).
    await expect(editorB).toContainText(first.trim() + second);
    await expect(ghana.page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live');
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
