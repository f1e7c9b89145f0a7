/**
 * A statement's text as static HTML, for pages served without JavaScript (published
 * declarations). Built from the same block walk as the canonical text (`blocks.ts`), so what is
 * shown is what was hashed. Every character of the text is escaped; the only markup is ours.
 */
import * as Y from 'yjs';
import { plainText, readBlocks, type InlinePiece, type TextBlock } from './blocks.ts';
import { markdownToYUpdate } from './text.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] as string);
}

function inline(pieces: readonly InlinePiece[]): string {
  return pieces
    .map((piece) => {
      if ('hardBreak' in piece) return '<br>';
      let html = escapeHtml(piece.text);
      if (piece.marks.includes('italic')) html = `<em>${html}</em>`;
      if (piece.marks.includes('bold')) html = `<strong>${html}</strong>`;
      // Only safe addresses reach a piece (blocks.ts); escaped all the same, as an attribute.
      if (piece.href) html = `<a href="${escapeHtml(piece.href)}" rel="nofollow noopener">${html}</a>`;
      return html;
    })
    .join('');
}

const isItem = (block: TextBlock) => block.kind === 'bullet' || block.kind === 'numbered';

/**
 * The blocks as HTML. Headings move down one level (`#` → `<h2>`): the page's `<h1>` is the
 * title. Lists nest by depth; a numbered item keeps its number (`value`) whatever the nesting.
 */
export function blocksToHtml(input: { blocks: readonly TextBlock[] }): string {
  const out: string[] = [];
  // Open lists, innermost last: their tag and depth.
  const open: { tag: 'ol' | 'ul'; depth: number }[] = [];
  const closeTo = (depth: number) => {
    while (open.length > 0 && (open.at(-1) as { depth: number }).depth > depth) out.push(`</li></${(open.pop() as { tag: string }).tag}>`);
  };
  for (const block of input.blocks) {
    if (isItem(block)) {
      const tag = block.kind === 'numbered' ? 'ol' : 'ul';
      closeTo(block.level);
      const top = open.at(-1);
      if (top && top.depth === block.level && top.tag !== tag) closeTo(block.level - 1);
      if (open.at(-1)?.depth === block.level) out.push('</li>');
      else {
        open.push({ tag, depth: block.level });
        out.push(`<${tag}>`);
      }
      const value = block.kind === 'numbered' ? ` value="${Number.parseInt(block.marker, 10)}"` : '';
      out.push(`<li${value}>${inline(block.pieces)}`);
      continue;
    }
    // A paragraph inside a list item sits at indent 2×depth: it continues that item.
    const depth = block.indent / 2;
    closeTo(depth);
    if (block.kind === 'heading') {
      const level = Math.min(Math.max(block.level, 1) + 1, 6);
      out.push(`<h${level}>${inline(block.pieces)}</h${level}>`);
    } else if (plainText(block.pieces).trim()) {
      out.push(`<p>${inline(block.pieces)}</p>`);
    }
  }
  closeTo(0);
  return out.join('\n');
}

function renderDoc(doc: Y.Doc): { html: string; plainText: string } {
  const blocks = readBlocks({ doc });
  return { html: blocksToHtml({ blocks }), plainText: blocks.map((b) => plainText(b.pieces)).filter((t) => t.trim()).join('\n') };
}

/** The HTML and the plain text (for search) of a stored version's state (Yjs update format v2). */
export function renderState(input: { state: Uint8Array }): { html: string; plainText: string } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, input.state);
    return renderDoc(doc);
  } finally {
    doc.destroy();
  }
}

/** The HTML and plain text of a Markdown text, as it would be stored and published. */
export function renderMarkdown(input: { markdown: string }): { html: string; plainText: string } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, markdownToYUpdate({ markdown: input.markdown }));
    return renderDoc(doc);
  } finally {
    doc.destroy();
  }
}
