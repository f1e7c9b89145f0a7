/**
 * Links in the exports (issue 13 item 8). `@concord/text`'s `readBlocks` gives each run of a
 * link its (safe) address; the formats want a link as one thing around its words, so adjacent
 * runs with the same address are gathered here, once, for every format.
 */
import { isSafeHref } from '@concord/text/links';
import type { ExportBlock, ExportInline } from './document.ts';

/** Runs in order: those outside any link (`href` undefined), and each link with its runs. */
export interface InlineGroup {
  href?: string;
  pieces: ExportInline[];
}

/** The address of a run, if it is in a link with a safe address (checked again: a document may be built by hand). */
export function hrefOf(piece: ExportInline): string | undefined {
  return 'href' in piece && isSafeHref(piece.href) ? piece.href : undefined;
}

/** Adjacent runs with the same address as one link; a hard break is never inside a link. */
export function inlineGroups(pieces: readonly ExportInline[]): InlineGroup[] {
  const groups: InlineGroup[] = [];
  for (const piece of pieces) {
    const href = hrefOf(piece);
    const last = groups[groups.length - 1];
    if (last && last.href === href) last.pieces.push(piece);
    else groups.push(href === undefined ? { pieces: [piece] } : { href, pieces: [piece] });
  }
  return groups;
}

/** A link of a block: its words, its address, and where its words are in the block's plain text (`blockText`, UTF-16 offsets, end exclusive). */
export interface BlockLink {
  text: string;
  href: string;
  start: number;
  end: number;
}

/** The links of a block, in order, with their offsets in the block's plain text (a hard break counts one: a line feed). */
export function blockLinks(block: ExportBlock): BlockLink[] {
  const links: BlockLink[] = [];
  let at = 0;
  for (const group of inlineGroups(block.pieces)) {
    const text = group.pieces.map((piece) => ('hardBreak' in piece ? '\n' : piece.text)).join('');
    if (group.href !== undefined) links.push({ text, href: group.href, start: at, end: at + text.length });
    at += text.length;
  }
  return links;
}

/**
 * An address as a URI for formats that want ASCII (PDF annotations): `URL` puts a host in
 * Punycode and percent-encodes the rest. An address `URL` cannot read (never a safe one) is null.
 */
export function asciiHref(href: string): string | null {
  try {
    return new URL(href).href;
  } catch {
    return null;
  }
}
