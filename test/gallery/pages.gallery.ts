import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { demoAccounts } from '../e2e/support.ts';
import { galleryRoles, outDir, routeOf, slug, stateDir, timesToShoot, variants, type GalleryRole, type RoleManifest, type Shot, type Variant } from './gallery.ts';
import { writeIndex } from './index-page.ts';

/** Where every role's crawl starts; the crawl follows the links of each page from there. */
const starts = ['/', '/declarations', '/directory', '/coalition', '/account', '/statements/new', '/signin', '/reset', '/no-such-page'];
/** The local operator's pages and mailed links: shot for the visitor only. */
const visitorOnly = ['/outbox', '/reset/:token', '/invite/:token'];
/** A role's crawl stops after this many pages (every route so far needs about 25). */
const pageBudget = 60;

test.describe.configure({ mode: 'parallel' });

for (const role of galleryRoles) {
  test(`the pages ${role === 'visitor' ? 'a visitor' : `the ${role}`} sees`, async ({ browser, baseURL }) => {
    const dir = join(outDir, slug(role));
    mkdirSync(dir, { recursive: true });
    const contexts = await Promise.all(variants.map((variant) => contextFor({ browser, baseURL: baseURL!, role, variant })));
    const shots: Shot[] = [];
    const shotRoutes = new Map<string, number>();
    const seen = new Set<string>();
    const queue = role === 'visitor' ? [...starts, '/outbox'] : [...starts];
    const [first] = contexts;
    const crawler = await first!.newPage();
    while (queue.length > 0 && shots.length < pageBudget) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const route = routeOf(path);
      if ((shotRoutes.get(route) ?? 0) >= timesToShoot(route)) continue;
      if (role !== 'visitor' && visitorOnly.includes(route)) continue;
      const status = await visit(crawler, path);
      if (status === null) continue;
      // A redirect (a signed-in person opening /signin) lands on a page of another route.
      const landed = new URL(crawler.url());
      const landedRoute = routeOf(landed.pathname);
      if (landedRoute !== route && (shotRoutes.has(landedRoute) || seen.has(landed.pathname))) continue;
      seen.add(landed.pathname);
      shotRoutes.set(landedRoute, (shotRoutes.get(landedRoute) ?? 0) + 1);
      for (const link of await linksOf(crawler)) if (!seen.has(link)) queue.push(link);
      shots.push(await shoot({ contexts, dir, index: shots.length, route: landedRoute, url: landed.pathname + landed.search, status }));
    }
    if (role === 'visitor') shots.push(await shootTwoFactor({ browser, baseURL: baseURL!, dir, index: shots.length }));
    await Promise.all(contexts.map((context) => context.close()));
    const who = JSON.parse(readFileSync(join(stateDir, 'who.json'), 'utf8')) as Record<string, string>;
    const manifest: RoleManifest = { role, who: who[role] ?? role, shots };
    writeFileSync(join(outDir, `${slug(role)}.json`), JSON.stringify(manifest, null, 2));
    writeIndex();
  });
}

async function contextFor(input: { browser: Browser; baseURL: string; role: GalleryRole; variant: Variant }): Promise<BrowserContext> {
  const state = join(stateDir, `${slug(input.role)}.json`);
  const context = await input.browser.newContext({
    baseURL: input.baseURL,
    storageState: input.role !== 'visitor' && existsSync(state) ? state : undefined,
    viewport: input.variant.viewport,
    isMobile: input.variant.phone,
    hasTouch: input.variant.phone,
    locale: input.variant.locale === 'ar' ? 'ar' : 'en-GB',
  });
  // The interface language as the switcher sets it (a profile's language would win otherwise).
  await context.addCookies([{ name: 'concord_locale', value: input.variant.locale, url: input.baseURL }]);
  return context;
}

/** Opens `path`; the response status, or null for what is not a page (a download, an export). */
async function visit(page: Page, path: string): Promise<number | null> {
  const response = await page.goto(path).catch(() => null);
  if (!response || !(response.headers()['content-type'] ?? '').includes('text/html')) return null;
  await settle(page);
  return response.status();
}

/**
 * Waits for what a reader waits for: the editor live, the fonts, the network quiet (briefly: a
 * page with a live socket or a stream is never entirely quiet).
 */
async function settle(page: Page): Promise<void> {
  const status = page.getByTestId('connection-status');
  if ((await status.count()) > 0) {
    await page.waitForSelector('[data-testid="connection-status"][data-connection="live"]', { timeout: 15_000 }).catch(() => {});
  }
  await page.waitForLoadState('networkidle', { timeout: 1_500 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Same-origin page links, without fragments, in document order. */
async function linksOf(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const hrefs = await page.locator('a[href]:not([download])').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const paths: string[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin || url.pathname === '/signout') continue;
    paths.push(url.pathname + url.search);
  }
  return paths;
}

async function shoot(input: { contexts: BrowserContext[]; dir: string; index: number; route: string; url: string; status: number }): Promise<Shot> {
  const consoleErrors: string[] = [];
  const shots = await Promise.all(
    variants.map(async (variant, i) => {
      const page = await input.contexts[i]!.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${variant.name}: ${message.text()}`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`${variant.name}: ${error.message}`));
      await page.goto(input.url).catch(() => {});
      await settle(page);
      const file = `${String(input.index).padStart(2, '0')}-${slug(input.route)}-${variant.name}.png`;
      await page.screenshot({ path: join(input.dir, file), fullPage: true });
      await page.close();
      return [variant.name, `${basename(input.dir)}/${file}`] as const;
    }),
  );
  return { route: input.route, url: input.url, status: input.status, files: Object.fromEntries(shots), consoleErrors: [...new Set(consoleErrors)].sort() };
}

/** The two-factor step exists only halfway through a sign-in: the chair's password opens it. */
async function shootTwoFactor(input: { browser: Browser; baseURL: string; dir: string; index: number }): Promise<Shot> {
  const chair = demoAccounts().find((a) => a.role === 'chair')!;
  const contexts: BrowserContext[] = [];
  for (const variant of variants) {
    const context = await contextFor({ browser: input.browser, baseURL: input.baseURL, role: 'visitor', variant });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.locator('input[name="email"]').fill(chair.email);
    await page.locator('input[name="password"]').fill(chair.password);
    // The sign-in form's own button: the header's language switcher is a form too.
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/signin/two-factor');
    await page.close();
    contexts.push(context);
  }
  const shot = await shoot({ contexts, dir: input.dir, index: input.index, route: '/signin/two-factor', url: '/signin/two-factor', status: 200 });
  await Promise.all(contexts.map((context) => context.close()));
  return shot;
}
