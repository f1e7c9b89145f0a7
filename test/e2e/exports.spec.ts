import { exportDocument, importToMarkdown } from '@concord/export';
import { documentOf, fixture, fixtureParagraphs, positionsInOrder } from '@concord/export/testing/fixtures';
import { linkedDocx } from '@concord/export/testing/linked-docx';
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { actAs, startStatement } from './support.ts';

/**
 * A delegation starts a statement from a Word file (the joint statement, made with the DOCX
 * export from the English fixture), then downloads its text as DOCX and PDF from the statement
 * page. A broken Word file is refused with a clear message and creates nothing.
 */
const en = fixture('joint-statement-surveillance/en.md');
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('import a DOCX into a new statement, then download its DOCX and PDF', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { page } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  const source = await exportDocument({ format: 'docx', document: documentOf({ markdown: en, language: 'en', title: 'Joint statement' }) });
  const title = `Imported statement ${Date.now()}`;

  // A file Word cannot have written is refused in words, and no statement is made.
  await page.goto('/statements/new');
  await page.locator('input[name=title]').fill(`${title} (broken)`);
  await page.locator('input[name=scope][value=coalition]').check();
  await page.locator('input[name=file]').setInputFiles({ name: 'broken.docx', mimeType: docxType, buffer: Buffer.from('not a word document') });
  await page.locator('form button[type=submit]').last().click();
  await expect(page.getByText('The file could not be read as a Word document.', { exact: false })).toBeVisible();
  await expect(page.locator('input[name=file]')).toHaveAttribute('aria-invalid', 'true');
  await page.goto('/');
  await expect(page.getByRole('link', { name: `${title} (broken)` })).toHaveCount(0);

  await startStatement(page, { title, file: { name: 'joint-statement.docx', mimeType: docxType, buffer: Buffer.from(source.body) } });
  const paragraphs = fixtureParagraphs(en);
  await expect(page.getByTestId('editor')).toContainText(paragraphs[13]!);

  const links = page.getByTestId('export-links');
  const [download] = await Promise.all([page.waitForEvent('download'), links.locator('a[data-format=docx]').click()]);
  expect(download.suggestedFilename()).toMatch(/^imported-statement-\d+-current\.docx$/);
  const docx = new Uint8Array(await readFile((await download.path())!));
  const markdown = await importToMarkdown({ filename: 'download.docx', bytes: docx });
  expect(positionsInOrder(markdown.replace(/\\(.)/g, '$1'), paragraphs)).not.toContain(-1);

  const pdfHref = await links.locator('a[data-format=pdf]').getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="imported-statement-\d+-current\.pdf"/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

/**
 * Issue 13 item 8: a delegation's Word file cites instruments by URL. Its hyperlinks are kept by
 * the import (the editor shows them as links), and the statement's PDF holds each as a link
 * annotation (`/URI (…)`: PDFKit writes annotations uncompressed); an unsafe one keeps its words only.
 */
test('the hyperlinks of an imported DOCX are links in the editor and in the PDF export', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const udhr = 'https://www.un.org/en/about-us/universal-declaration-of-human-rights';
  const hrc = 'https://www.ohchr.org/zh/hrbodies/hrc';
  const source = await linkedDocx([
    { before: 'Recalling the ', link: { words: 'Universal Declaration', href: udhr }, after: ' of 1948.', bold: true },
    { before: '見', link: { words: '聯合國人權理事會', href: hrc }, after: '的決議。' },
    { before: 'Never ', link: { words: 'click here', href: 'javascript:alert(1)' }, after: '.' },
  ]);
  const { page } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
  await startStatement(page, { title: `Linked statement ${Date.now()}`, file: { name: 'linked.docx', mimeType: docxType, buffer: Buffer.from(source) } });

  const editor = page.getByTestId('editor');
  await expect(editor.locator(`a[href="${udhr}"]`)).toHaveText('Universal Declaration');
  await expect(editor.locator(`a[href="${hrc}"]`)).toHaveText('聯合國人權理事會');
  await expect(editor).toContainText('Never click here.');
  await expect(editor.locator('a[href]')).toHaveCount(2);

  const pdfHref = await page.getByTestId('export-links').locator('a[data-format=pdf]').getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  const uris = [...(await pdf.body()).toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((match) => match[1]);
  expect(uris).toEqual([udhr, hrc]);
});
