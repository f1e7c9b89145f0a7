import { expect, test, type BrowserContext, type WebSocketRoute } from '@playwright/test';
import { actAs, jointStatementTitle, openStatement } from './support.ts';

/**
 * Offline editing (issue #14 item 4): a delegate loses the connection, keeps typing, closes the
 * tab; the edits are kept on the device (IndexedDB), and when the statement is next opened they
 * reach the server and another delegation. Signing out deletes the device's copies — after
 * asking, while some of their changes have not reached the hub.
 */

/** Passes the page's sockets through to the host until `cut()`; afterwards refuses new ones. */
async function cuttableNetwork(context: BrowserContext) {
  const open = new Set<WebSocketRoute>();
  let down = false;
  await context.routeWebSocket(/\/ws\b/, (socket) => {
    if (down) return void socket.close({ code: 1001, reason: 'offline' });
    socket.connectToServer();
    open.add(socket);
  });
  return {
    cut() {
      down = true;
      for (const socket of open) void socket.close({ code: 1001, reason: 'offline' });
      open.clear();
    },
  };
}

test('edits made offline survive closing the tab and reach the others when the statement is opened again', async ({ browser, baseURL }) => {
  const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada', fresh: true });
  const network = await cuttableNetwork(canada.context);
  const editor = await openStatement({ page: canada.page, title: jointStatementTitle });
  const status = canada.page.getByTestId('connection-status');

  network.cut();
  await expect(status).toHaveAttribute('data-connection', 'offline');
  const words = ` Written on a train ${Date.now()}.`;
  await editor.click();
  await canada.page.keyboard.press('Control+End');
  await canada.page.keyboard.type(words, { delay: 10 });
  // The status counts what waits on this device.
  await expect(status).toContainText(new RegExp(`${words.length} changes wait on this device`));

  // Signing out now would delete them with the device's copies: the hub asks, and declining keeps
  // the session and the edits.
  let asked = '';
  canada.page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await canada.page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect.poll(() => asked).toContain('have not reached the hub');
  await expect(status).toContainText(new RegExp(`${words.length} changes wait on this device`));
  expect(new URL(canada.page.url()).pathname).toMatch(/^\/statements\//);

  // The tab closes with the edits unsaved; the device keeps them.
  const kept = await canada.context.storageState({ indexedDB: true });
  await canada.context.close();
  expect(JSON.stringify(kept.origins)).toContain('concord-statement:');

  // Another delegation has the statement open; it has not seen the words.
  const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
  const ghanaEditor = await openStatement({ page: ghana.page, title: jointStatementTitle });
  await expect(ghanaEditor).not.toContainText(words.trim());

  // Later, online again: opening the statement merges and saves them; Ghana sees them live.
  const again = await browser.newContext({ baseURL, storageState: kept });
  const page = await again.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: jointStatementTitle }).click();
  await expect(page.getByTestId('editor')).toContainText(words.trim());
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-saved', 'true');
  await expect(ghanaEditor).toContainText(words.trim());

  // Signing out deletes the device's copies of drafts.
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/statements'));
  const after = await again.storageState({ indexedDB: true });
  expect(JSON.stringify(after.origins)).not.toContain('concord-statement:');
  await again.close();
  await ghana.context.close();
});
