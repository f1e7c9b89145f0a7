import { wallTimeAt } from '@concord/core';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { nameCurrentVersion } from '../support/call-fixture.ts';
import { useOwnHost } from './own-host.ts';
import { expectAccessible, expectInterface, expectMirroredHeader, expectNoHorizontalOverflow, inlineStart, interfaceLocales, messagesOf, screenshot, type InterfaceLocale } from './layout.ts';
import { codeFor, demoAccount, type DemoAccount, demoAccounts, jointStatementTitle, startStatement, statementIdOf } from './support.ts';

/**
 * The interface in four languages, proven in a browser. In Arabic: a visitor signs in with the
 * language their browser asks for; two delegates co-edit an English statement, which keeps its
 * own `lang="en" dir="ltr"` inside the right-to-left interface, typing Arabic and English; a
 * member takes a position on a consensus call. Each page is measured: the layout mirrors (the
 * header and breadcrumb start on the right), nothing overflows sideways, names are isolated in
 * `<bdi>`. Then axe (WCAG 2.2 AA) on the main pages in each of English, French, Spanish and
 * Arabic, and a call's deadline written in each. Last, a visitor reads the seeded published
 * declaration in Arabic with JavaScript off and switches language. A host of its own: the test names a version in its store, as the call specs do.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const ar = messagesOf('ar');
const day = 86_400_000;

const own = useOwnHost('concord-i18n-');
/** Signed-in browser states, so each account signs in (argon2, two-factor steps) once. */
const states = new Map<string, Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>>();

/**
 * A browser whose languages are `locale` (its `Accept-Language`), signed in through the sign-in
 * form in that language (and the two-factor form when the account has a key).
 */
async function inBrowser(input: { browser: Browser; organisation: string; locale: InterfaceLocale }): Promise<{ page: Page; close: () => Promise<void> }> {
  const key = `${input.organisation} ${input.locale}`;
  const context = await input.browser.newContext({ baseURL: own.host.url, locale: input.locale, storageState: states.get(key) });
  const page = await context.newPage();
  if (!states.has(key)) {
    const account = demoAccount({ organisation: input.organisation, accounts: own.accounts });
    const messages = messagesOf(input.locale);
    await page.goto('/signin');
    await expectInterface(page, input.locale);
    await page.getByLabel(messages.email_address!).fill(account.email);
    await page.getByLabel(messages.password!, { exact: true }).fill(account.password);
    await page.getByRole('button', { name: messages.sign_in, exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/signin');
    if (new URL(page.url()).pathname.startsWith('/signin/two-factor')) {
      await page.getByLabel(messages.code!).fill(codeFor({ key: account.totpKey! }));
      await page.getByRole('button', { name: messages.signin_continue }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    }
    states.set(key, await context.storageState());
  } else {
    await page.goto('/');
  }
  await expect(page.getByTestId('acting-as')).toContainText(input.organisation);
  return { page, close: () => context.close() };
}

test('a visitor’s browser asks for Arabic: sign in, the header mirrors, names are isolated, nothing overflows', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: own.host.url, locale: 'ar' });
  const page = await context.newPage();
  await page.goto('/signin');
  await expectInterface(page, 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.sign_in!);
  expect(await inlineStart(page.getByRole('heading', { level: 1 })), 'the heading starts on the right').toBe('right');
  expect(await inlineStart(page.locator('label[for=email]'), 'form'), 'the form’s labels start on the right').toBe('right');
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'ar-signin');
  await context.close();

  const canada = await inBrowser({ browser, organisation: 'Canada', locale: 'ar' });
  const { page: home } = canada;
  await expectInterface(home, 'ar');
  await expectMirroredHeader(home);
  const account = demoAccount({ organisation: 'Canada', accounts: own.accounts });
  await expect(home.getByTestId('acting-as').locator('bdi')).toHaveText([account.name, 'Canada']);
  // Statement titles keep their own language and direction in the Arabic list.
  const title = home.getByRole('link', { name: jointStatementTitle });
  await expect(title).toHaveAttribute('lang', 'en');
  await expect(title).toHaveAttribute('dir', 'ltr');
  await expectNoHorizontalOverflow(home);
  await home.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(home, 'home, 390 px wide');
  // On a phone each statement is a card (no sideways scrolling), each value named by its column,
  // and it is still a table to a screen reader.
  const list = home.getByRole('table', { name: ar.home_caption! });
  await expect(list).toBeVisible();
  await expect(list.getByRole('columnheader')).toHaveCount(6);
  const stage = list.getByTestId('statement-stage').first();
  await expect(stage).toHaveAttribute('data-label', ar.home_col_stage!);
  expect(await stage.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe(JSON.stringify(ar.home_col_stage));
  await expect(home.locator('.table-scroll', { has: list })).not.toHaveAttribute('role', 'region');
  await expectAccessible(home, 'home, 390 px wide');
  await screenshot(home, testInfo, 'ar-home-narrow');
  await canada.close();
});

test('two delegates co-edit an English statement in the Arabic interface, typing Arabic and English', async ({ browser }, testInfo) => {
  const canada = await inBrowser({ browser, organisation: 'Canada', locale: 'ar' });
  const ghana = await inBrowser({ browser, organisation: 'Ghana', locale: 'ar' });
  const editors = [];
  for (const { page } of [canada, ghana]) {
    await page.getByRole('link', { name: jointStatementTitle }).click();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live', { timeout: 20_000 });
    editors.push(page.getByTestId('editor'));
  }
  const [editorA, editorB] = editors as [ReturnType<Page['getByTestId']>, ReturnType<Page['getByTestId']>];
  const page = canada.page;
  await expectInterface(page, 'ar');
  // The statement is English, left to right, inside the right-to-left interface.
  await expect(page.locator('main > h1')).toHaveAttribute('lang', 'en');
  await expect(page.locator('main > h1')).toHaveAttribute('dir', 'ltr');
  await expect(editorA).toHaveAttribute('lang', 'en');
  await expect(editorA).toHaveAttribute('dir', 'ltr');
  expect(await editorA.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  expect(await page.locator('main').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  expect(await inlineStart(page.getByRole('navigation', { name: ar.breadcrumb })), 'the breadcrumb starts on the right').toBe('right');
  await expectMirroredHeader(page);

  // Mixed text: an English sentence naming an Arabic term, then a paragraph in Arabic.
  const mixed = ` The coalition recalls حقوق الإنسان (human rights) online, 2026.`;
  const arabic = 'تؤكد كندا دعمها لإنترنت حر ومفتوح.';
  await editorA.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(mixed, { delay: 10 });
  await page.keyboard.press('Enter');
  await page.keyboard.type(arabic, { delay: 10 });
  await expect(editorB).toContainText(mixed.trim());
  await expect(editorB).toContainText(arabic);
  // The Arabic paragraph reads right to left within the English text; the English ones do not.
  const arabicParagraph = editorB.locator('p', { hasText: arabic });
  expect(await inlineStart(arabicParagraph), 'an Arabic paragraph starts on the right').toBe('right');
  expect(await inlineStart(editorB.locator('p', { hasText: mixed.trim() })), 'an English paragraph starts on the left').toBe('left');

  // Who is here, in the caret label and the list: names isolated, in the interface's language.
  await expect(ghana.page.getByTestId('presence').locator('bdi')).toContainText(['Canada']);
  const caretLabel = ghana.page.locator('.collaboration-carets__label');
  await expect(caretLabel).toContainText('Canada');
  await expect(caretLabel.locator('[lang=ar][dir=rtl]')).toHaveCount(1);
  await expect(canada.page.getByTestId('connection-status')).toHaveAttribute('data-saved', 'true');
  for (const [name, p] of [['ar-statement-canada', canada.page], ['ar-statement-ghana', ghana.page]] as const) {
    await expectNoHorizontalOverflow(p);
    await screenshot(p, testInfo, name);
  }
  await expectAccessible(ghana.page);
  await canada.close();
  await ghana.close();
});

const newStatement = async (page: Page, title: string) =>
  statementIdOf(await startStatement(page, { title, language: 'en', markdown: 'Members shall protect human rights online as offline.' }));

let callStatement = '';

test('the chair opens a call and a member takes a position, in Arabic; the deadline reads right in each language', async ({ browser }, testInfo) => {
  const chair = await inBrowser({ browser, organisation: 'Estonia', locale: 'ar' });
  callStatement = await newStatement(chair.page, 'Statement on a free and open internet');
  await nameCurrentVersion({ dynamoEndpoint: own.host.dynamoEndpoint, docId: callStatement, name: 'Rev. 1', by: { userId: 'usr_e2e', organisationId: 'org_e2e' } });
  await chair.page.goto(`/statements/${callStatement}/call`);
  const deadline = Date.now() + 7 * day;
  const wall = wallTimeAt({ instant: deadline, timeZone: 'Europe/Tallinn' });
  await chair.page.locator('input[name=procedure][value=silence]').check();
  await chair.page.locator('#open-date').fill(wall.date);
  await chair.page.locator('#open-time').fill(wall.time);
  await chair.page.locator('#open-zone').fill('Europe/Tallinn');
  await chair.page.getByRole('button', { name: ar.calls_open_submit, exact: true }).click();
  await expect(chair.page.getByTestId('message')).toContainText(ar.calls_done_open!);

  // The deadline as the chair set it, in each interface language: the month in that language, the zone named.
  for (const locale of interfaceLocales) {
    await chair.page.context().addCookies([{ name: 'concord_locale', value: locale, url: own.host.url }]);
    await chair.page.reload();
    await expectInterface(chair.page, locale);
    const month = await chair.page.evaluate(
      ({ at, tag }) => new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'Europe/Tallinn' }).format(at),
      { at: deadline, tag: locale === 'en' ? 'en-GB' : locale },
    );
    await expect(chair.page.getByTestId('deadline-chair').locator('bdi').first()).toHaveText('Europe/Tallinn');
    await expect(chair.page.getByTestId('deadline-chair')).toContainText(month);
  }
  await chair.close();

  const canada = await inBrowser({ browser, organisation: 'Canada', locale: 'ar' });
  const page = canada.page;
  await page.goto(`/statements/${callStatement}/call`);
  await expectInterface(page, 'ar');
  await page.locator('input[name=stance][value=support]').check();
  const explanation = 'تدعم كندا النص إسهامًا في إنترنت حر ومفتوح (free and open internet).';
  await page.locator('#explanation').fill(explanation);
  await page.getByRole('button', { name: ar.calls_position_submit, exact: true }).click();
  await expect(page.getByTestId('message')).toContainText(ar.calls_done_position!);
  await expect(page.getByText(ar.calls_position_current!.replace('{stance}', ar.calls_stance_support!))).toBeVisible();
  const positions = page.getByTestId('positions');
  await expect(positions.locator('th bdi')).toHaveText(['Canada']);
  await expect(positions.locator('td bdi', { hasText: demoAccount({ organisation: 'Canada', accounts: own.accounts }).name })).toHaveCount(1);
  await expect(positions.locator('[dir=auto]', { hasText: explanation })).toHaveCount(1);
  // The title in the heading keeps its language; the breadcrumb starts on the right.
  await expect(page.getByRole('heading', { level: 1 }).locator('bdi[lang=en]')).toHaveText('Statement on a free and open internet');
  expect(await inlineStart(page.getByRole('navigation', { name: ar.breadcrumb }))).toBe('right');
  await expectMirroredHeader(page);
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'ar-call');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(page, 'call, 390 px wide');
  await screenshot(page, testInfo, 'ar-call-narrow');
  // The dashboard: the open call and its notification name the English statement, isolated.
  await page.goto('/');
  await expect(page.getByTestId('open-calls').locator('bdi')).toHaveText(['Statement on a free and open internet']);
  await expect(page.getByTestId('notifications').locator('bdi')).toHaveText(['Statement on a free and open internet']);
  await canada.close();
});

// One test per language: axe on six pages takes a minute on a slow machine, and each language
// gets its own time budget instead of sharing one.
for (const locale of interfaceLocales) {
  test(`the main pages pass axe (WCAG 2.2 AA) and do not overflow, in ${locale}`, async ({ browser }, testInfo) => {
    const chair = await inBrowser({ browser, organisation: 'Estonia', locale: 'ar' });
    const page = chair.page;
    await page.goto('/');
    const statement = await page.getByRole('link', { name: jointStatementTitle }).getAttribute('href');
    const pages = ['/', statement!, `${statement}/versions`, `/statements/${callStatement}/call`, '/account', '/coalition'];
    await page.context().addCookies([{ name: 'concord_locale', value: locale, url: own.host.url }]);
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await expectInterface(page, locale);
      if (path === statement) await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'live', { timeout: 20_000 });
      await expectAccessible(page, `${locale} ${path}`);
      await expectNoHorizontalOverflow(page, `${locale} ${path}`);
      // A phone's width (and a desktop page zoomed to 400 %): still nothing runs off the side.
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoHorizontalOverflow(page, `${locale} ${path}, 390 px wide`);
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    // The last page is the coalition's: the chair's name, isolated, in a list the language joins.
    await expect(page.locator('section', { has: page.locator('#chair-heading') }).locator('strong bdi')).toHaveText(['Estonia']);
    await screenshot(page, testInfo, `${locale}-coalition`);
    await chair.close();
  });
}

test('the language chosen in a profile follows the person to another browser; a visitor’s switcher choice stays in that browser', async ({ browser }) => {
  const ghana = await inBrowser({ browser, organisation: 'Ghana', locale: 'ar' });
  await ghana.page.goto('/account');
  await ghana.page.locator('input[name=locale][value=fr]').check();
  await ghana.page.getByRole('button', { name: ar.account_language_save, exact: true }).click();
  await expectInterface(ghana.page, 'fr');
  await ghana.close();

  // Another device whose browser asks for Spanish: the profile's French wins once signed in.
  const elsewhere = await inBrowser({ browser, organisation: 'Ghana', locale: 'es' });
  await expectInterface(elsewhere.page, 'fr');
  // Back to "the language of my browser": Spanish again.
  await elsewhere.page.goto('/account');
  await elsewhere.page.locator('input[name=locale][value=""]').check();
  await elsewhere.page.getByRole('button', { name: messagesOf('fr').account_language_save, exact: true }).click();
  await expectInterface(elsewhere.page, 'es');
  await elsewhere.close();

  // A visitor: the switcher on a public page answers in the chosen language from then on.
  const visitor = await browser.newContext({ baseURL: own.host.url, locale: 'ar' });
  const page = await visitor.newPage();
  await page.goto('/signin');
  await expectInterface(page, 'ar');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expectInterface(page, 'en');
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto('/reset');
  await expectInterface(page, 'en');
  await visitor.close();
});

test('a visitor reads a published declaration in Arabic with JavaScript off: the page mirrors, the text keeps its own language, the switcher works', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: own.host.url, locale: 'ar', javaScriptEnabled: false });
  const page = await context.newPage();
  // axe runs in the page: it looks at the same address in an Arabic browser with JavaScript on.
  const checker = await browser.newContext({ baseURL: own.host.url, locale: 'ar' });
  const accessible = async (path: string) => {
    const view = await checker.newPage();
    await view.goto(path);
    await expectInterface(view, 'ar');
    await expectAccessible(view);
    await view.close();
  };
  await page.goto('/declarations');
  await expectInterface(page, 'ar');
  await expectNoHorizontalOverflow(page);
  await accessible('/declarations');
  await page.getByRole('link', { name: /States use of digital surveillance/ }).click();
  await expectInterface(page, 'ar');
  // The interface reads from the right; the English text and its Chinese translation keep their own.
  const text = page.getByTestId('declaration-text');
  await expect(text).toHaveAttribute('lang', 'en');
  await expect(text).toHaveAttribute('dir', 'ltr');
  expect(await inlineStart(text.locator('p').first()), 'the English text starts on the left').toBe('left');
  expect(await inlineStart(page.getByRole('heading', { name: ar.publication_record_heading })), 'the interface’s headings start on the right').toBe('right');
  await expect(page.locator('section.translation[lang="zh-TW"]')).toBeVisible();
  // Signatories are names: each isolated, so a Latin name with parentheses does not scramble.
  await expect(page.getByTestId('endorsements').locator('li').first().locator('bdi').first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await accessible(new URL(page.url()).pathname);
  await screenshot(page, testInfo, 'ar-declaration');
  // The switcher is a plain form: French, with JavaScript still off, on the same page.
  const path = new URL(page.url()).pathname;
  await page.locator('.language-switcher button[value=fr]').click();
  await expectInterface(page, 'fr');
  expect(new URL(page.url()).pathname).toBe(path);
  await context.close();
  await checker.close();
});
