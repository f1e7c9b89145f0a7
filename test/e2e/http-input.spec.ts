import { expect, test } from '@playwright/test';
import { actAs, jointStatementTitle } from './support.ts';

/**
 * Invalid input to the HTTP endpoints and form actions that exist: each is refused with a clear
 * 4xx, nothing is stored, and the server stays up. (More actions slot in here as they land.)
 */
test.describe('the web app under invalid input', () => {
  test('the ticket endpoint refuses the signed-out, the cross-site and unknown or malformed statements', async ({ browser, baseURL, request }) => {
    const origin = { origin: baseURL! };
    expect((await request.post('/statements/stmt_anything/ticket', { headers: origin })).status()).toBe(401);

    const { context, page } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    await page.goto('/');
    const statement = await page.getByRole('link', { name: jointStatementTitle }).getAttribute('href');
    const api = context.request;
    expect((await api.post(`${statement}/ticket`, { headers: { origin: 'https://elsewhere.example' } })).status()).toBe(403);
    expect((await api.get(`${statement}/ticket`)).status()).toBe(405);
    const ids = ['stmt_doesnotexist', 'x'.repeat(2_000), '%00', '..%2F..%2Fsignin', '%F0%9F%92%A3', "stmt_' OR '1'='1", 'stmt_%23HEAD'];
    for (const id of ids) {
      const response = await api.post(`/statements/${id}/ticket`, { headers: origin });
      expect(response.status(), id).toBeGreaterThanOrEqual(400);
      expect(response.status(), id).toBeLessThan(500);
    }
    // The real statement still gets a ticket: the endpoint is up and unharmed.
    const good = await api.post(`${statement}/ticket`, { headers: origin });
    expect(good.status()).toBe(200);
    expect(((await good.json()) as { url: string }).url).toMatch(/ticket=/);
    await context.close();
  });

  test('starting a statement with invalid fields fails with 400 and stores nothing', async ({ browser, baseURL }) => {
    const { context, page } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const marker = `Invalid draft ${Date.now()}`;
    const valid = { title: marker, scope: 'coalition', language: 'en', markdown: 'Text.' };
    const cases: Record<string, string>[] = [
      { ...valid, title: '   ' },
      { ...valid, title: `${marker} scope`, scope: 'galaxy' },
      { ...valid, title: `${marker} task force`, scope: 'task-force', taskForceId: 'tf_doesnotexist' },
      { ...valid, title: `${marker} language`, language: 'not a language tag' },
      { ...valid, title: `${marker} pen-holder`, penHolderIds: 'org_doesnotexist' },
    ];
    for (const form of cases) {
      // As a browser without JavaScript posts it: the page comes back with the failure's status.
      const response = await context.request.post('/statements/new', { form, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(form)).toBe(400);
      expect(await response.text()).toContain('id="create-error"');
    }
    await page.goto('/');
    await expect(page.getByRole('link', { name: jointStatementTitle })).toBeVisible();
    await expect(page.getByText(marker)).toHaveCount(0);
    await context.close();
  });
});
