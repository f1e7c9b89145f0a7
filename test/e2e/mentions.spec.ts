import { expect, test } from '@playwright/test';
import { newStatement, openLive, select } from './negotiating.ts';
import { actAs, demoAccount, linkFromOutbox } from './support.ts';

/**
 * A mention that notifies (issue 13.3): Canada comments on a fresh draft and mentions Ghana,
 * found by typing in the picker; the comment shows when it was written; Ghana's delegate finds
 * the mention among the dashboard's notifications, and a mail with a link to the draft in the
 * outbox.
 */
test('mentioning an organisation tells its delegates in the hub and by mail', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  const title = `Mentioned paragraph ${Date.now()}`;
  const path = await newStatement(canada.page, title);
  await openLive(canada.page, path);

  await select(canada.page, 'privacy');
  await canada.page.getByTestId('start-comment').click();
  await canada.page.getByLabel(/your comment/i).fill('Ghana, does this cover your proposal?');
  const picker = canada.page.getByTestId('mention-picker');
  const choices = picker.locator('label.check');
  const names = await choices.allTextContents();
  expect(names.map((n) => n.trim())).toEqual([...names.map((n) => n.trim())].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  expect(names.map((n) => n.trim())).not.toContain('Canada');
  await picker.getByLabel(/find an organisation/i).fill('GHA');
  await expect(choices).toHaveText(['Ghana']);
  await choices.getByRole('checkbox').check();
  await canada.page.getByTestId('negotiation-form').locator('button[type=submit]').click();
  const thread = canada.page.getByTestId('thread').filter({ hasText: 'does this cover your proposal' });
  await expect(thread.locator('.mentions')).toContainText('Ghana');
  await expect(thread.getByTestId('written-at')).toContainText(/written \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);

  const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
  await ghana.page.goto('/');
  const note = ghana.page.getByTestId('notifications').locator('li[data-kind=mention]', { hasText: title });
  // The organisation's name is isolated (U+2068 … U+2069), as <bdi> would isolate it.
  await expect(note).toContainText('\u2068Canada\u2069 mentioned your organisation');
  await expect(note.getByRole('link')).toHaveAttribute('href', path);

  const link = await linkFromOutbox({ page: ghana.page, to: demoAccount({ organisation: 'Ghana' }).email, path: new RegExp(path) });
  expect(new URL(link).pathname).toBe(path);

  for (const party of [canada, ghana]) await party.context.close();
});
