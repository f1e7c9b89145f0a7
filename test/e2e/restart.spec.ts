import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../support/free-port.ts';
import { startChildHost } from '../support/local-host.ts';
import { actAs, demoAccounts, jointStatementTitle, openStatement, typeAtEnd } from './support.ts';

test('a statement survives a host restart, and the open editor reconnects by itself', async ({ browser }) => {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-restart-'));
  const env = { CONCORD_DEMO_ACCOUNTS_FILE: join(dataDir, 'demo-accounts.json') };
  let host = await startChildHost({ port, dataDir, env });
  try {
    const accounts = demoAccounts(dataDir);
    const { context, page } = await actAs({ browser, baseURL: host.url, organisation: 'Ghana', accounts, fresh: true });
    const editor = await openStatement({ page, title: jointStatementTitle });
    const before = ` Before the restart ${Date.now()}.`;
    await typeAtEnd({ page, editor, text: before });
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-saved', 'true');

    await host.stop();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'offline');
    host = await startChildHost({ port, dataDir, env });
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live', { timeout: 20_000 });

    const after = ` After the restart ${Date.now()}.`;
    await typeAtEnd({ page, editor, text: after });
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-saved', 'true');
    await page.reload();
    await expect(page.getByTestId('editor')).toContainText(before.trim());
    await expect(page.getByTestId('editor')).toContainText(after.trim());
    await context.close();
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
