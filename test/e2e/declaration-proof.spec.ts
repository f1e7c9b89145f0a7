import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

/**
 * A published declaration can be checked with nothing but what is published: the plain text
 * downloaded from its page hashes (SHA-256) to the hash the page shows, and the adoption record
 * the coalition signed verifies with the coalition's key — the key its own page and the JSON API
 * publish — while a record with one byte changed does not.
 */
const bytesOf = async (page: Page, testId: string) => Buffer.from(await (await page.request.get((await page.getByTestId(testId).getAttribute('href')) ?? '')).body());

test('the downloaded text hashes to the published hash, and the signature verifies with the published key', async ({ page }) => {
  await page.goto('/declarations');
  await page.getByTestId('declaration-list').locator('a').first().click();
  const path = new URL(page.url()).pathname;
  const hash = (await page.getByTestId('declaration-hash').textContent())?.trim() ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  // The page keeps the text's spaces, so copied text is the adopted text.
  await expect(page.getByTestId('declaration-text').locator('p').first()).toHaveCSS('white-space', 'pre-wrap');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plain-text-link').click()]);
  const text = await readFile(await download.path());
  expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
  const proof = page.getByTestId('declaration-proof');
  await expect(proof.locator('pre').first()).toHaveText(`sha256sum ${download.suggestedFilename()}`);
  const response = await page.request.get(`${path}/export/txt`);
  expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');

  const record = await bytesOf(page, 'signed-record-link');
  const signature = await bytesOf(page, 'signature-link');
  const key = (await bytesOf(page, 'public-key-link')).toString('utf8');
  expect(JSON.parse(record.toString('utf8'))).toMatchObject({ format: 'concord.adoption/1', version: { sha256: hash }, adoption: { outcome: 'adopted' } });
  expect(signature).toHaveLength(64);
  expect(verify(null, record, createPublicKey(key), signature)).toBe(true);
  const changed = Buffer.from(record);
  changed[changed.length - 2] = (changed[changed.length - 2] ?? 0) ^ 1;
  expect(verify(null, changed, createPublicKey(key), signature)).toBe(false);
  await expect(proof).toContainText('openssl pkeyutl -verify -pubin');

  // The same key on the coalition's public page and in the JSON API.
  const api = (await (await page.request.get(`/api${path}`)).json()) as { coalition: { id: string }; signed: { publicKey: string; record: string } };
  expect(api.signed.publicKey).toBe(key);
  expect(api.signed.record).toBe(record.toString('utf8'));
  const index = (await (await page.request.get(`/api/declarations?coalition=${encodeURIComponent(api.coalition.id)}`)).json()) as { coalitionKey: { publicKey: string } };
  expect(index.coalitionKey.publicKey).toBe(key);
  await page.goto(`/declarations?coalition=${encodeURIComponent(api.coalition.id)}`);
  expect(((await page.getByTestId('coalition-public-key').textContent()) ?? '').trim()).toBe(key.trim());
});
