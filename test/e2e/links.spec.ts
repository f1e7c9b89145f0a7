import { importToMarkdown } from '@concord/export';
import { linkedDocx, linkedTexts, pdfLinkAddresses } from '@concord/export/testing/linked-docx';
import { expect, test } from '@playwright/test';
import { actAs } from './support.ts';

/**
 * Links from a Word file kept through to the PDF (issue 13 item 8): statements cite instruments
 * by URL. A delegation starts a statement from a .docx with hyperlinks (one next to bold words,
 * one inside Chinese or Arabic text, one to a `javascript:` address); the editor shows the safe
 * links as links, and the statement's PDF has a link annotation to each — and none to the unsafe
 * address, whose words stay as text.
 */
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

for (const language of ['en', 'ar'] as const) {
  test(`a ${language} .docx's hyperlinks reach the editor and the PDF`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const text = linkedTexts[language];
    const docx = await linkedDocx(text.paragraphs);
    // The file itself carries every link, the unsafe one too: what is dropped is dropped by the import.
    const imported = await importToMarkdown({ filename: 'check.docx', bytes: docx });
    for (const link of text.kept) expect(imported).toContain(link.href);

    const { page } = await actAs({ browser, baseURL: baseURL!, organisation: 'Canada' });
    const title = `Linked statement ${language} ${Date.now()}`;
    await page.goto('/statements/new');
    await page.locator('input[name=title]').fill(title);
    await page.locator('input[name=scope][value=coalition]').check();
    await page.locator('select[name=language]').selectOption(language);
    await page.locator('input[name=file]').setInputFiles({ name: 'linked.docx', mimeType: docxType, buffer: Buffer.from(docx) });
    await page.locator('form button[type=submit]').last().click();
    await page.waitForURL(/\/statements\/stmt_[^/]+$/);

    const editor = page.getByTestId('editor');
    for (const link of text.kept) await expect(editor.locator(`a[href="${link.href}"]`)).toHaveText(link.text);
    await expect(editor).toContainText(text.refused.text);
    await expect(editor.locator('a[href]')).toHaveCount(text.kept.length);

    const pdfHref = await page.getByTestId('export-links').locator('a[data-format=pdf]').getAttribute('href');
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    const addresses = await pdfLinkAddresses(new Uint8Array(await pdf.body()));
    for (const link of text.kept) expect(addresses, `the PDF links to ${link.href}`).toContain(link.href);
    expect(addresses.some((address) => address.startsWith('javascript'))).toBe(false);
  });
}
