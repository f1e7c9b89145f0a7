/**
 * A statement's text read as a flat list of text blocks (headings, paragraphs, list items) in
 * document order, each with its inline runs and marks. The canonical text (`canonical.ts`) and
 * the comparison of versions (`compare.ts`) both read documents through this one walk, so what
 * is hashed and what is compared are the same thing.
 *
 * It reads the Yjs tree directly (no ProseMirror): what is stored is what counts — except what
 * the schema cannot hold there (a node it does not know or not at that level, a heading level it
 * does not have), which is read as `repairToSchema` would leave it, so a damaged document and
 * its repair have the same text and hash.
 */
import * as Y from 'yjs';
import { headingLevels, statementField } from './extensions.ts';
import { markAllowed, nodeAllowedIn } from './schema-rules.ts';

/** The marks that are part of the text; any other attribute of a run is ignored. */
export const textMarks = ['bold', 'italic'] as const;
export type TextMark = (typeof textMarks)[number];

/** A run of text with its marks (in `textMarks` order), or a hard line break. */
export type InlinePiece = { text: string; marks: readonly TextMark[] } | { hardBreak: true };

export type BlockKind = 'heading' | 'paragraph' | 'bullet' | 'numbered';

export interface TextBlock {
  kind: BlockKind;
  /** Heading level (1–3); list depth for list items (1 = a top-level list); 0 for paragraphs. */
  level: number;
  /** `#`×level for headings, `-` or `<n>.` for list items, empty for paragraphs. */
  marker: string;
  /** Spaces before the line: two per enclosing list. */
  indent: number;
  /** True when the block starts a new top-level block (a blank line before it in the canonical text). */
  topLevel: boolean;
  pieces: InlinePiece[];
}

const inlineBlocks = new Set(['paragraph', 'heading']);

/** Every text block of the statement in `doc`, in document order. */
export function readBlocks(input: { doc: Y.Doc }): TextBlock[] {
  const blocks: TextBlock[] = [];
  walk({ parent: input.doc.getXmlFragment(statementField), depth: 0, blocks });
  return blocks;
}

/** The plain text of a block: runs joined, a hard break as a line feed. */
export function plainText(pieces: readonly InlinePiece[]): string {
  return pieces.map((piece) => ('hardBreak' in piece ? '\n' : piece.text)).join('');
}

/** The elements among `parent`'s children that the schema allows there. */
function elementsIn(parent: Y.XmlFragment | Y.XmlElement): Y.XmlElement[] {
  const name = parent instanceof Y.XmlElement ? parent.nodeName : null;
  return parent.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && nodeAllowedIn({ parent: name, child: child.nodeName }));
}

function walk(input: { parent: Y.XmlFragment | Y.XmlElement; depth: number; blocks: TextBlock[] }): void {
  const { parent, depth, blocks } = input;
  for (const child of elementsIn(parent)) {
    if (child.nodeName === 'bulletList' || child.nodeName === 'orderedList') listBlocks({ list: child, depth: depth + 1, blocks });
    else if (inlineBlocks.has(child.nodeName)) blocks.push(inlineBlock({ element: child, indent: depth * 2, topLevel: depth === 0 }));
    else walk({ parent: child, depth, blocks });
  }
}

function listBlocks(input: { list: Y.XmlElement; depth: number; blocks: TextBlock[] }): void {
  const { list, depth, blocks } = input;
  const ordered = list.nodeName === 'orderedList';
  const start = numberAttribute(attributesOf(list).start, 1);
  elementsIn(list).forEach((item, index) => {
    const [first, ...rest] = elementsIn(item);
    const firstIsText = first !== undefined && inlineBlocks.has(first.nodeName);
    blocks.push({
      kind: ordered ? 'numbered' : 'bullet',
      level: depth,
      marker: ordered ? `${start + index}.` : '-',
      indent: (depth - 1) * 2,
      // The first item of a top-level list opens a block; the rest of the list continues it.
      topLevel: depth === 1 && index === 0,
      pieces: first && firstIsText ? inlinePieces(first) : [],
    });
    const remaining = firstIsText ? rest : elementsIn(item);
    for (const child of remaining) {
      if (child.nodeName === 'bulletList' || child.nodeName === 'orderedList') listBlocks({ list: child, depth: depth + 1, blocks });
      else if (inlineBlocks.has(child.nodeName)) blocks.push(inlineBlock({ element: child, indent: depth * 2, topLevel: false }));
      else walk({ parent: child, depth, blocks });
    }
  });
}

function inlineBlock(input: { element: Y.XmlElement; indent: number; topLevel: boolean }): TextBlock {
  const { element } = input;
  const heading = element.nodeName === 'heading';
  const stated = numberAttribute(attributesOf(element).level, 1);
  const level = heading ? (headingLevels.includes(stated as never) ? stated : 1) : 0;
  return {
    kind: heading ? 'heading' : 'paragraph',
    level,
    marker: heading ? '#'.repeat(level) : '',
    indent: input.indent,
    topLevel: input.topLevel,
    pieces: inlinePieces(element),
  };
}

/** The inline content of a paragraph or heading: its text runs and hard breaks. */
export function inlinePieces(element: Y.XmlElement): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert === 'string' && op.insert.length > 0) pieces.push({ text: op.insert, marks: marksOf(op.attributes) });
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      pieces.push({ hardBreak: true });
    }
  }
  return pieces;
}

function marksOf(attributes: Record<string, unknown> | undefined): TextMark[] {
  if (!attributes) return [];
  return textMarks.filter((mark) => attributes[mark] !== undefined && markAllowed({ name: mark, value: attributes[mark] }));
}

function attributesOf(element: Y.XmlElement): Record<string, unknown> {
  return element.getAttributes() as Record<string, unknown>;
}

function numberAttribute(value: unknown, fallback: number): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isSafeInteger(parsed) ? parsed : fallback;
}
