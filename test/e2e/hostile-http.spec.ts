import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { actAs, demoAccount } from './support.ts';

/**
 * Hostile input to the real routes (issue #12 items 3, 8, 12): redirect targets that lead off the
 * site, a forged Host header on the public feeds, ids that are not ours, bodies over the cap.
 */

/** A raw GET with whatever Host header (browsers and fetch will not forge one). */
function getWithHost(input: { baseURL: string; path: string; host: string }): Promise<{ status: number; body: string; cacheControl: string }> {
  const url = new URL(input.path, input.baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: { host: input.host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, cacheControl: String(res.headers['cache-control'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const offSite = ['%2F%09%2Fevil.example%2Fphish', '%2F%0A%2Fevil.example', '%2F%5Cevil.example', '%2F%252F%2Fevil.example', 'https%3A%2F%2Fevil.example', '%2F%0D%0ASet-Cookie%3A%20x%3Dy'];

test.describe('the web app under hostile input', () => {
  test('a redirect target off the site, or one that could break the header, goes home instead', async ({ browser, baseURL, request }) => {
    // As a browser without JavaScript posts a form: the redirect itself comes back.
    const origin = { origin: baseURL!, accept: 'text/html' };
    for (const next of offSite) {
      const locale = await request.post('/locale', { form: { locale: 'en', next: decodeURIComponent(next) }, headers: origin, maxRedirects: 0 });
      expect(locale.status(), next).toBe(303);
      expect(locale.headers().location, next).toBe('/');
      const wrong = await request.post(`/signin`, { form: { email: 'nobody@example.org', password: 'x', next: decodeURIComponent(next) }, headers: origin, maxRedirects: 0 });
      expect(wrong.status(), next).toBeLessThan(500);
    }
    const { context } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    for (const next of offSite) {
      const signedIn = await context.request.get(`/signin?next=${next}`, { maxRedirects: 0 });
      expect(signedIn.status(), next).toBe(303);
      expect(signedIn.headers().location, next).toBe('/');
    }
    expect((await context.request.get(`/signin?next=${encodeURIComponent('/declarations?q=a')}`, { maxRedirects: 0 })).headers().location).toBe('/declarations?q=a');
    await context.close();
  });

  test('signing in with a target off the site lands at home', async ({ browser, baseURL }) => {
    const account = demoAccount({ organisation: 'Canada' });
    const context = await browser.newContext({ baseURL: baseURL! });
    const answer = await context.request.post('/signin', { form: { email: account.email, password: account.password, next: '/\t/evil.example/phish' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
    expect(answer.status()).toBe(303);
    expect(answer.headers().location).toMatch(/^\/(signin\/two-factor\?next=%2F)?$/);
    await context.close();
  });

  test('the feed and the JSON API link to the configured origin whatever Host the request names', async ({ baseURL, request }) => {
    const list = (await (await request.get('/api/declarations')).json()) as { declarations: { slug: string }[] };
    const slug = list.declarations[0]?.slug ?? '';
    for (const path of ['/declarations/feed.atom', '/api/declarations', `/api/declarations/${slug}`]) {
      const forged = await getWithHost({ baseURL: baseURL!, path, host: 'evil.example' });
      expect(forged.status, path).toBe(200);
      expect(forged.body, path).not.toContain('evil.example');
      expect(forged.body, path).toContain(`${baseURL}/declarations/`);
      expect(forged.cacheControl, path).toMatch(/public/);
    }
  });

  test('an organisation id that is not ours is our 404', async ({ browser, baseURL }) => {
    const { context } = await actAs({ browser, baseURL: baseURL!, organisation: 'Estonia' });
    for (const id of ['org_DoesNotExist', 'x'.repeat(3_000), '%0A', 'org_%F0%9F%92%A3']) {
      const response = await context.request.get(`/coalition/organisations/${id}`);
      expect(response.status(), id.slice(0, 30)).toBe(404);
      expect(await response.text()).toContain('There is nothing here, or you cannot see it.');
    }
    await context.close();
  });

  test('a body over the cap is our 413, whether its length is declared or not', async ({ browser, baseURL, request }) => {
    const big = `email=a%40example.org&password=${'a'.repeat(600 * 1024)}`;
    const headers = { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
    const declared = await request.post('/signin', { data: big, headers });
    expect(declared.status()).toBe(413);
    expect(await declared.text()).toContain('What you sent is too large: at most 512 KB.');
    const { context } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const file = { name: 'big.md', mimeType: 'text/markdown', buffer: Buffer.alloc(700 * 1024, 'a') };
    const upload = await context.request.post('/statements/new', { multipart: { title: 'Too big', scope: 'coalition', language: 'en', file }, headers: { origin: baseURL!, accept: 'text/html' } });
    expect(upload.status()).toBe(413);
    expect(await upload.text()).toContain('What you sent is too large');
    const enhanced = await context.request.post('/statements/new', { multipart: { title: 'Too big', scope: 'coalition', language: 'en', file }, headers: { origin: baseURL!, accept: 'application/json', 'x-sveltekit-action': 'true' } });
    expect(await enhanced.text()).toContain('What you sent is too large');
    await context.close();
  });
});
