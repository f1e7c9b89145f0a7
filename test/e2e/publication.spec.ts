import { wallTimeAt } from '@concord/core';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { nameCurrentVersion, runSchedulerAt } from '../support/call-fixture.ts';
import { useOwnHost } from './own-host.ts';
import { actAs, startStatement, statementIdOf } from './support.ts';
import { expectAccessible } from './layout.ts';

/**
 * Publication from end to end on a host of its own (its store is reachable from here, to run the
 * call scheduler past a deadline): the seeded declaration reads with JavaScript off, its 124
 * signatories intact; the chair publishes a newly adopted statement and opens the sign-on; an
 * organisation outside the coalition endorses with JavaScript off; the secretariat verifies; the
 * endorsement shows, dated. A draft never reaches the index, feed or API; a withdrawal keeps the
 * page with its notice. axe (WCAG 2.2 AA) on the public page and the index.
 */
const day = 86_400_000;

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const own = useOwnHost('concord-publication-');

/**
 * axe runs as a script in the page, so it checks the same URL in a context with JavaScript on
 * (the public pages ship none: they render the same).
 */
async function expectAccessibleAt(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ baseURL: own.host.url });
  const page = await context.newPage();
  await page.goto(url);
  await expectAccessible(page);
  await context.close();
}

/** A reader who is not signed in, with JavaScript turned off. */
async function publicReader(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: own.host.url, javaScriptEnabled: false });
  return context.newPage();
}

const newStatement = async (page: Page, title: string) =>
  statementIdOf(await startStatement(page, { title, markdown: 'Members shall protect human rights online as offline.\n\nThey shall publish what they adopt.' }));

/** Named, put to a silence procedure by the chair, and adopted when the scheduler runs past the deadline. */
async function adopt(page: Page, id: string): Promise<string> {
  const hash = await nameCurrentVersion({ dynamoEndpoint: own.host.dynamoEndpoint, docId: id, name: 'Final', by: { userId: 'usr_e2e', organisationId: 'org_e2e' } });
  await page.goto(`/statements/${id}/call`);
  const wall = wallTimeAt({ instant: Date.now() + 7 * day, timeZone: 'UTC' });
  await page.locator('input[name=procedure][value=silence]').check();
  await page.locator('#open-date').fill(wall.date);
  await page.locator('#open-time').fill(wall.time);
  await page.locator('#open-zone').fill('UTC');
  await page.getByRole('button', { name: 'Open the call' }).click();
  await expect(page.getByTestId('message')).toContainText('The call is open');
  await runSchedulerAt({ dynamoEndpoint: own.host.dynamoEndpoint, now: Date.now() + 8 * day });
  return hash;
}

test('the seeded declaration reads with JavaScript off: text, hash, record and the 124 signatories intact', async ({ browser }) => {
  const page = await publicReader(browser);
  // A visitor finds what was published from the header, signed in or not.
  await page.goto('/');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Declarations' }).click();
  await expect(page).toHaveURL(/\/declarations$/);
  await expectAccessibleAt(browser, '/declarations');
  await page.getByRole('link', { name: /States use of digital surveillance/ }).click();
  await expect(page.getByTestId('declaration-text')).toContainText('The COVID-19 pandemic is a global public health emergency');
  await expect(page.getByTestId('declaration-hash')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('adoption-record')).toContainText('Silence procedure');
  const endorsements = page.getByTestId('endorsements').locator('li');
  await expect(endorsements).toHaveCount(124);
  for (const name of ['7amleh – Arab Center for Social Media Advancement', 'Association for Progressive Communications (APC)', 'Barracón Digital', 'ASUTIC, Senegal']) {
    await expect(endorsements.filter({ hasText: name })).toHaveCount(1);
  }
  // On paper: the text and its record, without the site's header and links.
  const printing = await browser.newPage({ baseURL: own.host.url });
  await printing.goto(new URL(page.url()).pathname);
  await printing.emulateMedia({ media: 'print' });
  await expect(printing.locator('.site-header')).toBeHidden();
  await expect(printing.getByTestId('declaration-text')).toBeVisible();
  await printing.close();
  // The Chinese translation, in its own language, paragraph by paragraph.
  const chinese = page.locator('section.translation[lang="zh-TW"]');
  await expect(chinese.getByRole('heading')).toContainText('各國利用數位監控科技對抗疫情時');
  await expect(chinese.locator('p')).toHaveCount(15);
  // An address that was never published is not found, on the page and in the API.
  expect((await page.request.get('/declarations/no-such-declaration-2026')).status()).toBe(404);
  expect((await page.request.get('/api/declarations/no-such-declaration-2026')).status()).toBe(404);
  expect((await page.request.get('/declarations/no-such-declaration-2026/endorse')).status()).toBe(404);
  // The declaration as files, from its page: the adopted text with its hash and every signatory.
  const hash = await page.getByTestId('declaration-hash').textContent();
  const json = await page.request.get(`${new URL(page.url()).pathname}/export/json`);
  expect(json.status()).toBe(200);
  const exported = (await json.json()) as { version: { hash: string }; endorsements: unknown[]; translations: { language: string }[] };
  expect(exported.version.hash).toBe(hash);
  expect(exported.endorsements).toHaveLength(124);
  expect(exported.translations.map((t) => t.language)).toEqual(['zh-TW']);
  const pdf = await page.request.get(await page.getByTestId('export-links').locator('a[data-format=pdf]').getAttribute('href') ?? '');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await page.request.get('/declarations/no-such-declaration-2026/export/pdf')).status()).toBe(404);
  // No JavaScript at all on the public page: nothing of the editor ships.
  expect(await page.locator('script').count()).toBe(0);
  await expectAccessibleAt(browser, new URL(page.url()).pathname);
});

test('the chair publishes; an outsider endorses with JavaScript off; the secretariat verifies; it shows, dated', async ({ browser }) => {
  const chair = await actAs({ browser, baseURL: own.host.url, organisation: 'Estonia', accounts: own.accounts });
  const title = `Declaration on open publication ${Date.now()}`;
  const id = await newStatement(chair.page, title);
  const draftTitle = `Unpublished draft ${Date.now()}`;
  await newStatement(chair.page, draftTitle);
  const hash = await adopt(chair.page, id);

  await chair.page.goto(`/statements/${id}/publication`);
  await chair.page.getByTestId('publish').click();
  await expect(chair.page.getByTestId('message')).toContainText('The declaration is published.');
  const path = (await chair.page.getByTestId('public-link').getAttribute('href'))!;
  expect(path).toMatch(/^\/declarations\/declaration-on-open-publication-\d+-\d{4}$/);
  await chair.page.locator('#signon-date').fill(wallTimeAt({ instant: Date.now() + 7 * day, timeZone: 'UTC' }).date);
  await chair.page.getByLabel('Organisations outside the coalition may endorse').check();
  await chair.page.getByRole('button', { name: 'Open the sign-on' }).click();
  await expect(chair.page.getByTestId('message')).toContainText('The sign-on is open.');
  await expectAccessible(chair.page);
  await expectAccessibleAt(browser, `${path}/endorse`);

  const reader = await publicReader(browser);
  await reader.goto(path);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader.getByTestId('declaration-text')).toContainText('They shall publish what they adopt.');
  await expect(reader.getByTestId('declaration-hash')).toHaveText(hash);
  await expect(reader.getByTestId('adoption-record')).toContainText('Estonia');
  await reader.getByTestId('endorse-link').click();
  // Bad input: a clear error, nothing stored.
  await reader.getByLabel('Organisation name, as it should appear').fill('Fundación Vía Libre – Derechos (FVL)');
  await reader.getByLabel('Country').fill('Argentina');
  await reader.getByLabel('Contact (email or phone)').fill('nobody');
  await reader.getByRole('button', { name: 'Endorse' }).click();
  await expect(reader.locator('#contact-error')).toHaveText('Give an email address or a phone number to verify the endorsement.');
  await reader.getByLabel('Organisation name, as it should appear').fill('Fundación Vía Libre – Derechos (FVL)');
  await reader.getByLabel('Country').fill('Argentina');
  await reader.getByLabel('Contact (email or phone)').fill('info@example.org');
  await reader.getByRole('button', { name: 'Endorse' }).click();
  await expect(reader.getByTestId('message')).toContainText('once the secretariat has verified it');
  await reader.goto(path);
  await expect(reader.getByTestId('endorsements').locator('li')).toHaveCount(0);

  // A member that joined the consensus (by silence) endorses as itself, and is already listed.
  const canada = await actAs({ browser, baseURL: own.host.url, organisation: 'Canada', accounts: own.accounts });
  await canada.page.goto(`${path}/endorse`);
  await expect(canada.page.getByTestId('endorse-form')).toContainText('You endorse on behalf of Canada.');
  await canada.page.getByLabel('Country').fill('Canada');
  await canada.page.getByLabel('Contact (email or phone)').fill('mission@canada.example');
  await canada.page.getByRole('button', { name: 'Endorse' }).click();
  await expect(canada.page.getByRole('alert')).toHaveText('This organisation has already endorsed the declaration.');

  const secretariat = await actAs({ browser, baseURL: own.host.url, organisation: 'FOC Support Unit', accounts: own.accounts });
  await secretariat.page.goto(`/statements/${id}/publication`);
  await expect(secretariat.page.getByTestId('pending-endorsements')).toContainText('info@example.org');
  await secretariat.page.getByRole('button', { name: 'Verify the endorsement of Fundación Vía Libre – Derechos (FVL)' }).click();
  await expect(secretariat.page.getByTestId('message')).toContainText('The endorsement is verified');

  await reader.goto(path);
  const listed = reader.getByTestId('endorsements').locator('li');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Fundación Vía Libre – Derechos (FVL) (Argentina)');
  await expect(listed).toContainText(/joined on \d/);
  // The contact is for verifying only: not on the page, not in the API.
  expect(await reader.content()).not.toContain('info@example.org');
  const api = await reader.request.get(`/api${path}`);
  expect(api.status()).toBe(200);
  const body = await api.text();
  expect(body).not.toContain('info@example.org');
  expect(JSON.parse(body)).toMatchObject({ title, status: 'published', version: { hash }, endorsements: [{ name: 'Fundación Vía Libre – Derechos (FVL)', country: 'Argentina' }] });

  // Drafts never leak: not in the index, its search, the feed or the API.
  for (const url of ['/declarations', '/declarations/feed.atom', '/api/declarations', '/api/declarations?q=Unpublished', `/declarations?q=${encodeURIComponent('Unpublished draft')}`]) {
    const text = await (await reader.request.get(url)).text();
    if (!url.includes('q=')) expect(text, url).toContain(title);
    expect(text, url).not.toContain(draftTitle);
  }
  await reader.goto(`/declarations?q=${encodeURIComponent('Unpublished draft')}`);
  await expect(reader.getByTestId('no-declarations')).toHaveText('No declaration matches your search.');
  // Per coalition: another coalition's id lists nothing.
  expect(await (await reader.request.get('/api/declarations?coalition=coal_NONE')).json()).toEqual({ declarations: [], coalitionKey: null });
  const feed = await reader.request.get('/declarations/feed.atom');
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  await reader.goto(`/declarations?q=${encodeURIComponent('publish what they adopt')}`);
  await expect(reader.getByTestId('declaration-list').locator('li')).toHaveCount(1);

  // Withdrawal keeps the page, with a visible notice and the reason.
  await chair.page.goto(`/statements/${id}/publication`);
  await chair.page.getByLabel('Reason, shown on the public page').fill('Superseded by a later declaration.');
  await chair.page.getByRole('button', { name: 'Withdraw the declaration' }).click();
  await expect(chair.page.getByTestId('withdrawn-status')).toBeVisible();
  await reader.goto(path);
  await expect(reader.getByTestId('withdrawn-notice')).toContainText('Superseded by a later declaration.');
  await expect(reader.getByTestId('declaration-text')).toContainText('They shall publish what they adopt.');
  // A file would outlive the notice: a withdrawn declaration is no longer offered as one.
  await expect(reader.getByTestId('export-links')).toHaveCount(0);
  expect((await reader.request.get(`${path}/export/pdf`)).status()).toBe(410);
  await expectAccessibleAt(browser, path);
});

test('the chair sets the public title and address at publication, previewed first; a malformed address is refused and nothing typed is lost', async ({ browser }) => {
  const chair = await actAs({ browser, baseURL: own.host.url, organisation: 'Estonia', accounts: own.accounts });
  const stamp = Date.now();
  const id = await newStatement(chair.page, `WG draft v7 (internal) ${stamp}`);
  await adopt(chair.page, id);
  const page = chair.page;
  await page.goto(`/statements/${id}/publication`);
  await expect(page.getByLabel('Public title')).toHaveValue(`WG draft v7 (internal) ${stamp}`);
  const publicTitle = `Declaration on open standards ${stamp}`;
  await page.getByLabel('Public title').fill(publicTitle);
  await page.getByTestId('preview').click();
  await expect(page.getByTestId('publication-preview')).toContainText(publicTitle);
  await expect(page.getByTestId('publication-preview')).toContainText(`/declarations/declaration-on-open-standards-${stamp}-`);

  await page.getByLabel('Address (slug)').fill('Open Standards');
  await page.getByTestId('publish').click();
  await expect(page.getByRole('alert')).toContainText('lower-case letters and digits');
  await expect(page.getByLabel('Public title')).toHaveValue(publicTitle);
  await expect(page.getByLabel('Address (slug)')).toHaveValue('Open Standards');
  await expect(page.getByTestId('public-link')).toHaveCount(0);

  const slug = `open-standards-${stamp}`;
  await page.getByLabel('Address (slug)').fill(slug);
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('message')).toContainText('The declaration is published.');
  await expect(page.getByTestId('public-link')).toHaveAttribute('href', `/declarations/${slug}`);
  const reader = await publicReader(browser);
  await reader.goto(`/declarations/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(publicTitle);
  await reader.context().close();
  await chair.context.close();
});
