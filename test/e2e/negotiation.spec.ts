import { expect, test } from '@playwright/test';
import { newStatement, openLive, select } from './negotiating.ts';
import { actAs } from './support.ts';
import { expectAccessible } from './layout.ts';

/**
 * At Playwright's default width (1280 px) the items are cards in the margin beside the text (open
 * ones placed at their words, closed ones in a list at the end); the lifted bracket's record is
 * read in the list view of a narrower screen.
 *
 * Two delegations negotiate a paragraph of a fresh statement (others run in parallel on the
 * seeded ones): a comment thread with a reply, resolved; an amendment proposed by Canada,
 * supported and accepted by Ghana (the text changes once, in both browsers); a bracket opened by
 * one, joined by the other, that stays until both holders agree — then the header goes clean and
 * the lifted bracket's record says who agreed and who lifted it; an advisory delegate comments but
 * does not edit or decide; axe on the editor with the panel open. Every act goes through the
 * real endpoint and reaches the other browser through the statement's socket (a notice).
 */
test('two delegations negotiate a paragraph: comment, amendment, bracket; an advisory delegate comments', async ({ browser, baseURL }) => {
  // Three sign-ins and some thirty acts, each answered through the other browser's socket.
  test.setTimeout(180_000);
  const canada = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  const ghana = await actAs({ browser, baseURL: baseURL!, organisation: 'Ghana' });
  const path = await newStatement(canada.page, `Negotiated paragraph ${Date.now()}`);
  const editorA = await openLive(canada.page, path);
  const editorB = await openLive(ghana.page, path);
  await expect(canada.page.getByTestId('negotiation-summary')).toHaveAttribute('data-clean', 'true');

  // A comment thread: Canada asks, Ghana replies, Canada resolves.
  await select(canada.page, 'freedom of expression');
  await canada.page.getByTestId('start-comment').click();
  await canada.page.getByLabel(/your comment/i).fill('Should we add “association”?');
  await canada.page.getByTestId('negotiation-form').locator('button[type=submit]').click();
  const threadB = ghana.page.getByTestId('thread');
  await expect(threadB).toContainText('Should we add “association”?');
  await expect(editorB.locator('.neg-thread')).toHaveText('freedom of expression');
  // The reply box opens when asked for (the margin is not a column of forms), focused.
  await expect(threadB.getByLabel(/your reply/i)).toHaveCount(0);
  await threadB.getByRole('button', { name: 'Reply' }).click();
  await expect(threadB.getByLabel(/your reply/i)).toBeFocused();
  await ghana.page.keyboard.type('Yes, with assembly.');
  await threadB.locator('button[type=submit]').click();
  const threadA = canada.page.getByTestId('thread');
  await expect(threadA).toContainText('Yes, with assembly.');
  await threadA.getByRole('button', { name: /resolve/i }).click();
  await expect(threadB).toHaveAttribute('data-status', 'resolved');

  // An amendment: Canada proposes, Ghana supports and accepts; the text changes once in both.
  await select(canada.page, 'shall');
  await canada.page.getByTestId('start-amendment').click();
  await canada.page.getByLabel(/proposed text/i).fill('must');
  await canada.page.getByLabel(/^reason$/i).fill('A firmer commitment.');
  await canada.page.getByTestId('negotiation-form').locator('button[type=submit]').click();
  const amendmentB = ghana.page.getByTestId('amendment');
  await expect(amendmentB).toContainText('A firmer commitment.');
  await amendmentB.getByRole('button', { name: /^support$/i }).click();
  await expect(canada.page.getByTestId('amendment').getByTestId('tally')).toContainText('1');
  await amendmentB.getByRole('button', { name: /^accept$/i }).click();
  const changed = 'States must protect privacy';
  await expect(editorA).toContainText(changed);
  await expect(editorB).toContainText(changed);
  await expect(canada.page.getByTestId('amendment')).toHaveAttribute('data-status', 'accepted');
  for (const editor of [editorA, editorB]) expect(((await editor.textContent()) ?? '').split('must').length - 1).toBe(1);
  expect(await canada.page.getByTestId('amendment').getByRole('button', { name: /^accept$/i }).count()).toBe(0);

  // A bracket: Ghana opens it, Canada joins, the header counts it; Canada agrees — clean again.
  await select(ghana.page, 'online');
  await ghana.page.getByTestId('start-bracket').click();
  await ghana.page.getByLabel(/alternative wordings/i).fill('online and offline');
  await ghana.page.getByTestId('negotiation-form').locator('button[type=submit]').click();
  const bracketA = canada.page.locator('[data-testid=bracket][data-status=open]');
  await expect(bracketA).toContainText('online and offline');
  await expect(canada.page.getByTestId('negotiation-summary')).toHaveAttribute('data-clean', 'false');
  await expect(editorA.locator('.neg-bracket')).toHaveText('online');
  await bracketA.getByRole('button', { name: /^join$/i }).click();
  await expect(ghana.page.locator('[data-testid=bracket][data-status=open]').getByTestId('holder')).toHaveText(['Ghana', 'Canada']);

  // Axe on the editor with the panel open and something in every list.
  await expectAccessible(canada.page, 'editor with the negotiation panel');

  // Canada agrees alone: the bracket stays (issue 13.2), and Ghana sees who agreed to what.
  await bracketA.getByRole('button', { name: /as it stands/i }).click();
  const bracketB = ghana.page.locator('[data-testid=bracket][data-status=open]');
  await expect(bracketB.getByTestId('agreement').filter({ hasText: 'Canada' })).toHaveAttribute('data-agreed', 'true');
  await expect(bracketB.getByTestId('agreement').filter({ hasText: 'Ghana' })).toHaveAttribute('data-agreed', 'false');
  await expect(bracketB).toHaveAttribute('data-status', 'open');
  await expect(ghana.page.getByTestId('negotiation-summary')).toHaveAttribute('data-clean', 'false');
  await expect(editorB.locator('.neg-bracket')).toHaveText('online');
  // Ghana agrees too: lifted, clean, and the record lists both and who lifted it.
  await bracketB.getByRole('button', { name: /as it stands/i }).click();
  await expect(ghana.page.getByTestId('negotiation-summary')).toHaveAttribute('data-clean', 'true');
  await expect(canada.page.getByTestId('negotiation-summary')).toHaveAttribute('data-clean', 'true');
  await expect(editorB.locator('.neg-bracket')).toHaveCount(0);
  // On a narrower screen the items are a list again: the lifted bracket's record is under the brackets.
  await canada.page.setViewportSize({ width: 900, height: 720 });
  await expect(canada.page.getByTestId('negotiation-panel')).toHaveAttribute('data-layout', 'list');
  const lifted = canada.page.getByTestId('negotiation-brackets').locator('[data-testid=bracket][data-lift=consent]');
  await expect(lifted.getByTestId('agreed-by')).toHaveText(['Ghana', 'Canada']);
  await expect(lifted.getByTestId('lifted-by')).toContainText('Ghana');
  await expect(canada.page.getByTestId('negotiation-brackets')).toContainText('No open brackets.');
  await expect(canada.page.getByTestId('negotiation-brackets')).not.toContainText('None yet');

  // An advisory delegate: comments, but reads the text only and decides nothing.
  const advisory = await actAs({ browser, baseURL: baseURL!, organisation: 'Wikimedia Foundation' });
  await openLive(advisory.page, path, false);
  await expect(advisory.page.getByTestId('start-bracket')).toHaveCount(0);
  await select(advisory.page, 'privacy');
  await advisory.page.getByTestId('start-comment').click();
  await advisory.page.getByLabel(/your comment/i).fill('Civil society supports this.');
  await advisory.page.getByTestId('negotiation-form').locator('button[type=submit]').click();
  await expect(canada.page.getByTestId('thread').filter({ hasText: 'Civil society supports this.' })).toBeVisible();
  await expect(advisory.page.getByTestId('amendment').getByRole('button', { name: /accept|revert/i })).toHaveCount(0);

  for (const party of [canada, ghana, advisory]) await party.context.close();
});
