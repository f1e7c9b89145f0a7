/**
 * Importing an existing text into a new statement: Markdown as it is, DOCX through `mammoth`
 * (Word's structure — headings, lists, bold, italic, hyperlinks — to HTML) and `turndown` (that HTML to
 * Markdown), then the same path as typed Markdown (`markdownToYUpdate` in `@concord/text`).
 * Pure: bytes in, Markdown out. Refusals are `input` DomainErrors with a code the web app
 * words in the reader's language.
 */
import { fail } from '@concord/core';
import { isSafeHref } from '@concord/text/links';
import mammoth from 'mammoth';
import TurndownService from 'turndown';
import { checkTextLimits, textLimits } from './text-limits.ts';
import { repackWithinLimits, type ZipLimits } from './zip-guard.ts';

export { checkTextLimits, textLimits } from './text-limits.ts';

/**
 * Largest file accepted (bytes). A long statement in Word is a few dozen KB; the web server takes
 * request bodies up to 512 KB (adapter-node's BODY_SIZE_LIMIT), and the text's first update must
 * fit a DynamoDB item (400 KB).
 */
export const importSizeLimit = 450 * 1024;

/**
 * What a DOCX may unpack to: a long statement's `document.xml` is a few MB at most, and images
 * are stored compressed already. Past this, mammoth (a DOM of the XML) would hold ~20× as much.
 */
export const docxZipLimits: ZipLimits = { inflatedBytes: 8 * 1024 * 1024, entries: 1_000 };

/** mammoth's HTML past this many characters cannot turn into a text within `textLimits`. */
const htmlLimit = 10 * textLimits.characters;
export type ImportKind = 'markdown' | 'docx';

/** The kind of file by its name (the browser's type is not trusted, and often empty). */
export function importKindOf(filename: string): ImportKind | null {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown') || lower.endsWith('.txt')) return 'markdown';
  if (lower.endsWith('.docx')) return 'docx';
  return null;
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/**
 * The file's text as Markdown. Refuses (`input` DomainErrors): `import.kind` for another kind of
 * file, `import.too-large`, `import.empty`, `import.not-text` for Markdown that is not UTF-8
 * text, `import.broken-docx` for a DOCX Word could not have written, `import.inflated-too-large`
 * for a DOCX that unpacks past `docxZipLimits` (stopped while inflating), and `import.too-long` /
 * `import.too-deep` for a text past `textLimits`.
 */
export async function importToMarkdown(input: { filename: string; bytes: Uint8Array }): Promise<string> {
  const kind = importKindOf(input.filename);
  if (!kind) throw fail.input('import.kind', 'Choose a Markdown (.md) or Word (.docx) file.');
  if (input.bytes.byteLength > importSizeLimit) throw fail.input('import.too-large', 'The file is too large.');
  if (input.bytes.byteLength === 0) throw fail.input('import.empty', 'The file is empty.');
  const markdown = kind === 'markdown' ? decodeText(input.bytes) : await docxToMarkdown(input.bytes);
  if (markdown.trim() === '') throw fail.input('import.empty', 'The file holds no text.');
  checkTextLimits({ markdown });
  return markdown;
}

function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail.input('import.not-text', 'The file is not text in UTF-8.');
  }
  // A NUL never appears in text: this is a binary file with a text name.
  if (text.includes('\u0000')) throw fail.input('import.not-text', 'The file is not text in UTF-8.');
  return text.replace(/^\uFEFF/, '');
}

/**
 * DOCX → Markdown: mammoth's HTML (Word's headings, lists, bold, italic, hyperlinks) through
 * turndown, from the zip as `repackWithinLimits` inflated it (never from the file as sent).
 */
export async function docxToMarkdown(bytes: Uint8Array): Promise<string> {
  if (!zipMagic.every((byte, i) => bytes[i] === byte)) throw fail.input('import.broken-docx', 'The file is not a Word document that can be read.');
  const checked = repackWithinLimits({ bytes, limits: docxZipLimits });
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(checked) })).value;
  } catch {
    throw fail.input('import.broken-docx', 'The file is not a Word document that can be read.');
  }
  if (html.length > htmlLimit) throw fail.input('import.too-long', 'The text is longer than a statement can be.');
  const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '_', strongDelimiter: '**' });
  // Word's title style comes through as a paragraph; tables and images keep their text only.
  turndown.remove(['img', 'script', 'style']);
  // Hyperlinks stay links when their address is safe (http, https, mailto); others keep their words.
  turndown.addRule('safe-links', {
    filter: 'a',
    replacement: (content, node) => {
      const href = (node as { getAttribute(name: string): string | null }).getAttribute('href');
      return isSafeHref(href) && content.trim() ? `[${content}](<${href.replace(/[<>]/g, encodeURIComponent)}>)` : content;
    },
  });
  try {
    return turndown.turndown(html);
  } catch {
    // Turndown walks the HTML recursively: tables nested thousands deep overflow its stack.
    throw fail.input('import.too-deep', 'Lists or quotes are nested too deep.');
  }
}
