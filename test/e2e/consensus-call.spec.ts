import { wallTimeAt } from '@concord/core';
import { expect, test, type Page } from '@playwright/test';
import { nameCurrentVersion, runSchedulerAt } from '../support/call-fixture.ts';
import { expectAccessible } from './layout.ts';
import { useOwnHost } from './own-host.ts';
import { actAs, startStatement, statementIdOf } from './support.ts';

/**
 * A consensus call from start to finish on a host of its own (its store is reachable from here):
 * the chair (Estonia) opens a silence procedure on a named, clean version of a new statement; an
 * editor's open text turns read-only; Canada supports with an explanation of position, by keyboard
 * only; every page is closed and the scheduler's own function runs past the deadline; the call
 * shows adopted with its record. A second statement where Ghana objects closes not adopted and
 * reopens drafting. A silence procedure one minute away is refused below the coalition's notice
 * and opens at it; the chair alone shortens it as an urgent procedure with a reason, which the
 * closed call shows. axe (WCAG 2.2 AA) on the call page in each state.
 */
const day = 86_400_000;

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const own = useOwnHost('concord-calls-');

const newStatement = async (page: Page, title: string) => statementIdOf(await startStatement(page, { title, markdown: 'Members shall protect human rights online as offline.' }));

/** The chair's form: silence procedure, a deadline in Tallinn's wall time a week ahead. */
async function openSilenceCall(page: Page, id: string): Promise<void> {
  await page.goto(`/statements/${id}/call`);
  const wall = wallTimeAt({ instant: Date.now() + 7 * day, timeZone: 'Europe/Tallinn' });
  await page.locator('input[name=procedure][value=silence]').check();
  await page.locator('#open-date').fill(wall.date);
  await page.locator('#open-time').fill(wall.time);
  await page.locator('#open-zone').fill('Europe/Tallinn');
  await page.getByRole('button', { name: 'Open the call' }).click();
  await expect(page.getByTestId('message')).toContainText('The call is open');
}

/** Tabs (keyboard only) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the chair opens a silence procedure; an editor turns read-only; a member supports by keyboard; the deadline passes with no page open: adopted', async ({ browser }) => {
  const baseURL = own.host.url;
  const chair = await actAs({ browser, baseURL, organisation: 'Estonia', accounts: own.accounts });
  const canada = await actAs({ browser, baseURL, organisation: 'Canada', accounts: own.accounts });
  const id = await newStatement(chair.page, 'Statement on a silence procedure');
  const hash = await nameCurrentVersion({ dynamoEndpoint: own.host.dynamoEndpoint, docId: id, name: 'Rev. 1', by: { userId: 'usr_e2e', organisationId: 'org_e2e' } });

  await canada.page.goto(`/statements/${id}`);
  const editor = canada.page.getByTestId('editor');
  await expect(canada.page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live', { timeout: 20_000 });
  await expect(editor).toHaveAttribute('contenteditable', 'true');

  await openSilenceCall(chair.page, id);
  await expect(chair.page.getByTestId('call-hash')).toHaveText(hash);
  await expect(chair.page.getByTestId('deadline-chair')).toContainText('Europe/Tallinn (UTC+0');
  await expect(chair.page.getByTestId('time-left')).toBeVisible();
  await expectAccessible(chair.page);

  // The open editor was closed by the server and came back read-only.
  await expect(editor).toHaveAttribute('contenteditable', 'false', { timeout: 20_000 });
  await canada.page.reload();
  await expect(canada.page.getByTestId('frozen-notice')).toBeVisible();
  // The frozen version's hash is shown with the text, the same as on the call page.
  await expect(canada.page.getByTestId('frozen-version').locator('code')).toHaveText(hash);

  // Canada's position, keyboard only.
  await canada.page.goto(`/statements/${id}/call`);
  await tabTo(canada.page, 'input[name=stance]');
  await canada.page.keyboard.press('Space');
  await tabTo(canada.page, '#explanation');
  await canada.page.keyboard.type('Canada supports the text as a contribution to a free and open internet.');
  await tabTo(canada.page, 'form[action="?/position"] button[type=submit]');
  await canada.page.keyboard.press('Enter');
  await expect(canada.page.getByTestId('message')).toContainText('position is recorded');
  await expect(canada.page.getByText('Current position: Support')).toBeVisible();
  await expectAccessible(canada.page);

  // Members see their dashboard with the open call and its notification.
  await canada.page.goto('/');
  await expect(canada.page.getByTestId('open-calls')).toContainText('Statement on a silence procedure');
  await expect(canada.page.getByTestId('unread')).not.toHaveText('0 unread');

  await chair.context.close();
  await canada.context.close();
  const run = await runSchedulerAt({ dynamoEndpoint: own.host.dynamoEndpoint, now: Date.now() + 8 * day });
  expect(run.closed).toHaveLength(1);

  const reader = await actAs({ browser, baseURL, organisation: 'Ghana', accounts: own.accounts });
  await reader.page.goto(`/statements/${id}/call`);
  await expect(reader.page.getByTestId('call-outcome')).toHaveText('Adopted');
  await expect(reader.page.getByTestId('call-hash')).toHaveText(hash);
  await expect(reader.page.getByTestId('positions')).toContainText('Canada supports the text');
  await expectAccessible(reader.page);
  await reader.page.goto(`/statements/${id}`);
  await expect(reader.page.getByTestId('adopted-notice')).toContainText('Rev. 1');
  // In Arabic, right to left: the record reads the same and stays accessible.
  await reader.context.addCookies([{ name: 'concord_locale', value: 'ar', url: baseURL }]);
  await reader.page.goto(`/statements/${id}/call`);
  await expect(reader.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(reader.page.getByTestId('call-outcome')).toHaveText('اعتُمد');
  await expect(reader.page.getByTestId('call-hash')).toHaveText(hash);
  await expectAccessible(reader.page);
  await reader.context.close();
});

test('a member objects in writing: not adopted, and drafting reopens', async ({ browser }) => {
  const baseURL = own.host.url;
  const chair = await actAs({ browser, baseURL, organisation: 'Estonia', accounts: own.accounts });
  const ghana = await actAs({ browser, baseURL, organisation: 'Ghana', accounts: own.accounts });
  const id = await newStatement(chair.page, 'Statement with an objection');
  await nameCurrentVersion({ dynamoEndpoint: own.host.dynamoEndpoint, docId: id, name: 'Rev. 1', by: { userId: 'usr_e2e', organisationId: 'org_e2e' } });
  await openSilenceCall(chair.page, id);

  await ghana.page.goto(`/statements/${id}/call`);
  await ghana.page.locator('input[name=stance][value=object]').check();
  await ghana.page.getByRole('button', { name: 'Record the position' }).click();
  await expect(ghana.page.getByTestId('message')).toContainText('An objection needs a written reason');
  await ghana.page.locator('input[name=stance][value=object]').check();
  await ghana.page.locator('#reason').fill('Paragraph 1 needs a reference to the rule of law.');
  await ghana.page.getByRole('button', { name: 'Record the position' }).click();
  await expect(ghana.page.getByTestId('message')).toContainText('position is recorded');

  await runSchedulerAt({ dynamoEndpoint: own.host.dynamoEndpoint, now: Date.now() + 8 * day });
  await chair.page.goto(`/statements/${id}/call`);
  await expect(chair.page.getByTestId('call-outcome')).toHaveText('Not adopted');
  await expect(chair.page.getByText('A member organisation objected.')).toBeVisible();
  await expectAccessible(chair.page);
  await chair.page.goto(`/statements/${id}`);
  await expect(chair.page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live', { timeout: 20_000 });
  await expect(chair.page.getByTestId('editor')).toHaveAttribute('contenteditable', 'true');
  await chair.context.close();
  await ghana.context.close();
});

test('a silence procedure one minute away is refused below the notice, and opens at it; the statements list then offers Read', async ({ browser }) => {
  const baseURL = own.host.url;
  const chair = await actAs({ browser, baseURL, organisation: 'Estonia', accounts: own.accounts });
  const title = 'Statement given due notice';
  const id = await newStatement(chair.page, title);
  const hash = await nameCurrentVersion({ dynamoEndpoint: own.host.dynamoEndpoint, docId: id, name: 'Rev. 1', by: { userId: 'usr_e2e', organisationId: 'org_e2e' } });
  const page = chair.page;
  await page.goto(`/statements/${id}/call`);
  // Before anything is frozen, the form names the version and its hash, and the notice.
  await expect(page.getByTestId('open-version')).toContainText('Rev. 1');
  await expect(page.getByTestId('open-version').locator('code')).toHaveText(hash);
  await expect(page.getByTestId('notice-rule')).toContainText('72 hours');
  // The deadline starts at the notice, in the chair's own zone (the browser's).
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(page.locator('#open-zone')).toHaveValue(zone);
  const suggested = { date: await page.locator('#open-date').inputValue(), time: await page.locator('#open-time').inputValue() };

  const soon = wallTimeAt({ instant: Date.now() + 60_000, timeZone: 'Europe/Tallinn' });
  await page.locator('input[name=procedure][value=silence]').check();
  await page.locator('#open-date').fill(soon.date);
  await page.locator('#open-time').fill(soon.time);
  await page.locator('#open-zone').fill('Europe/Tallinn');
  await page.getByRole('button', { name: 'Open the call' }).click();
  await expect(page.getByTestId('message')).toContainText('The deadline is too soon');
  await expect(page.getByTestId('call-status')).toHaveCount(0);
  await expectAccessible(page);

  await page.locator('#open-date').fill(suggested.date);
  await page.locator('#open-time').fill(suggested.time);
  await page.locator('#open-zone').fill(zone);
  await page.getByRole('button', { name: 'Open the call' }).click();
  await expect(page.getByTestId('message')).toContainText('The call is open');
  await expect(page.getByTestId('call-hash')).toHaveText(hash);
  await expect(page.getByTestId('call-urgent')).toHaveCount(0);

  const canada = await actAs({ browser, baseURL, organisation: 'Canada', accounts: own.accounts });
  await canada.page.goto('/');
  const row = canada.page.getByTestId('statements').getByRole('row', { name: title });
  await expect(row.getByTestId('statement-stage')).toHaveText('Under consensus call');
  await expect(row.getByTestId('statement-access')).toHaveText('Read');
  await chair.context.close();
  await canada.context.close();
});

test('the chair shortens the notice as an urgent procedure with a reason; closed with no reply, it says silence was consent, not "yet"', async ({ browser }) => {
  const baseURL = own.host.url;
  const chair = await actAs({ browser, baseURL, organisation: 'Estonia', accounts: own.accounts });
  const id = await newStatement(chair.page, 'Statement under an urgent procedure');
  await nameCurrentVersion({ dynamoEndpoint: own.host.dynamoEndpoint, docId: id, name: 'Rev. 1', by: { userId: 'usr_e2e', organisationId: 'org_e2e' } });
  const page = chair.page;
  await page.goto(`/statements/${id}/call`);
  const wall = wallTimeAt({ instant: Date.now() + 2 * 3_600_000, timeZone: 'Europe/Tallinn' });
  await page.locator('#open-date').fill(wall.date);
  await page.locator('#open-time').fill(wall.time);
  await page.locator('#open-zone').fill('Europe/Tallinn');
  await page.getByLabel('Urgent procedure: shorten the notice').check();
  await page.getByRole('button', { name: 'Open the call' }).click();
  await expect(page.getByTestId('message')).toContainText('needs the reason');
  await page.locator('#open-date').fill(wall.date);
  await page.locator('#open-time').fill(wall.time);
  await page.locator('#open-zone').fill('Europe/Tallinn');
  await page.getByLabel('Urgent procedure: shorten the notice').check();
  await page.locator('#urgent-reason').fill('The ministerial meeting opens tomorrow morning.');
  await page.getByRole('button', { name: 'Open the call' }).click();
  await expect(page.getByTestId('message')).toContainText('The call is open');
  await expect(page.getByTestId('call-urgent')).toContainText('The ministerial meeting opens tomorrow morning.');
  await expect(page.getByTestId('positions-none')).toHaveText('No organisation has replied yet.');

  await runSchedulerAt({ dynamoEndpoint: own.host.dynamoEndpoint, now: Date.now() + 3 * 3_600_000 });
  await page.reload();
  await expect(page.getByTestId('call-outcome')).toHaveText('Adopted');
  await expect(page.getByTestId('positions-none')).toHaveText('No organisation replied: under the silence procedure, every member consented by silence.');
  await expect(page.getByTestId('call-urgent')).toContainText('72 hours');
  await expectAccessible(page);
  await chair.context.close();
});
