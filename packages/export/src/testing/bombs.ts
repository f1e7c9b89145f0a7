/**
 * Hostile files for import tests, built in memory at a size CI survives: a DOCX whose
 * `document.xml` inflates far past the limit from a small zip (streamed, entries with data
 * descriptors, as a zip made on the fly is), and Markdown nested deeper than a lexer's stack.
 */
import { Zip, ZipDeflate, ZipPassThrough, unzipSync } from 'fflate';
import { concat } from '../zip-guard.ts';

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const rels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const documentHead = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const documentTail = '</w:body></w:document>';

/** Entries streamed into a zip (deflated, data descriptors after each entry). */
function streamZip(entries: { name: string; parts: Iterable<Uint8Array> }[]): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    zip.add(file);
    let previous: Uint8Array | null = null;
    for (const part of entry.parts) {
      if (previous) file.push(previous);
      previous = part;
    }
    file.push(previous ?? new Uint8Array(), true);
  }
  zip.end();
  return concat(out);
}

function* repeated(input: { head: string; unit: string; bytes: number; tail: string }): Iterable<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode(input.head);
  const block = encoder.encode(input.unit.repeat(Math.ceil(65_536 / input.unit.length)));
  for (let sent = 0; sent < input.bytes; sent += block.byteLength) yield block;
  yield encoder.encode(input.tail);
}

/** A DOCX of `inflatedBytes` of short paragraphs — a few dozen KB on the wire. */
export function docxBomb(input: { inflatedBytes: number }): Uint8Array {
  const text = (s: string) => [new TextEncoder().encode(s)];
  const paragraphs = repeated({ head: documentHead, unit: '<w:p><w:r><w:t>Ha.</w:t></w:r></w:p>', bytes: input.inflatedBytes, tail: documentTail });
  return streamZip([
    { name: '[Content_Types].xml', parts: text(contentTypes) },
    { name: '_rels/.rels', parts: text(rels) },
    { name: 'word/document.xml', parts: paragraphs },
  ]);
}

/** A zip of `count` tiny entries (a bomb by number rather than size). */
export function manyEntries(input: { count: number }): Uint8Array {
  const entries = Array.from({ length: input.count }, (_, i) => ({ name: `word/media/${i}.bin`, parts: [new Uint8Array([i % 256])] }));
  return streamZip(entries);
}

/** A well-formed DOCX (`bytes`) streamed again: data descriptors, as some writers make them. */
export function restreamed(bytes: Uint8Array): Uint8Array {
  const entries = Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, parts: [data] }));
  return streamZip(entries);
}

/** A zip with one entry stored (not compressed): the passthrough path of the guard. */
export function storedZip(input: { name: string; data: Uint8Array }): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const file = new ZipPassThrough(input.name);
  zip.add(file);
  file.push(input.data, true);
  zip.end();
  return concat(out);
}

/** Markdown nested `depth` levels: quotes, list markers on one line, or indented list items. */
export function deepMarkdown(input: { depth: number; shape: 'quotes' | 'markers' | 'indented' }): string {
  const { depth } = input;
  if (input.shape === 'quotes') return `${'> '.repeat(depth)}Deep.`;
  if (input.shape === 'markers') return `${'- '.repeat(depth)}Deep.`;
  return Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- Level ${level + 1}`).join('\n');
}

