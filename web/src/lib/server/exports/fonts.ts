/**
 * The PDF fonts, read once from their npm packages (`pdfFontFiles`), resolved from this module
 * so the built server finds them in web/node_modules (web depends on them for that reason).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pdfFontFiles, type PdfFonts } from '@concord/export';

let fonts: Promise<PdfFonts> | undefined;

export function pdfFonts(): Promise<PdfFonts> {
  fonts ??= load().catch((caught: unknown) => {
    fonts = undefined;
    throw caught;
  });
  return fonts;
}

async function load(): Promise<PdfFonts> {
  const require = createRequire(import.meta.url);
  const read = async (spec: string) => new Uint8Array(await readFile(require.resolve(spec)));
  const [latin, cjk, arabic] = await Promise.all([read(pdfFontFiles.latin), read(pdfFontFiles.cjk), read(pdfFontFiles.arabic)]);
  return { latin, cjk, arabic };
}
