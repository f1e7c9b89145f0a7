/**
 * Markdown → ProseMirror JSON in the statement schema, through `marked`'s lexer (no HTML step).
 * Headings, paragraphs, bullet and numbered lists (nested too), bold/italic and links (http,
 * https, mailto; any other link keeps its words and loses its address) map to their nodes and marks; anything the schema cannot hold (quotes, code, tables, raw HTML) is kept as
 * plain paragraphs of its text, so an import never silently drops words.
 */
import type { JSONContent } from '@tiptap/core';
import { lexer, type Token, type Tokens } from 'marked';
import { headingLevels, type HeadingLevel } from './extensions.ts';
import { isSafeHref } from './links.ts';

type Mark = { type: 'bold' | 'italic' } | { type: 'link'; attrs: { href: string } };

/** Parses Markdown into a `doc` node of the statement schema (never empty: at least one paragraph). */
export function markdownToProseMirrorJSON(input: { markdown: string }): JSONContent {
  const content = blocks(lexer(input.markdown));
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function blocks(tokens: Token[]): JSONContent[] {
  return tokens.flatMap(block);
}

function block(token: Token): JSONContent[] {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'def':
      return [];
    case 'heading':
      return [{ type: 'heading', attrs: { level: headingLevel(token.depth) }, content: inline(token.tokens ?? []) }];
    case 'paragraph':
    case 'text':
      return [paragraph(token.tokens ? inline(token.tokens) : plain(token.text))];
    case 'list':
      return [list(token as Tokens.List)];
    case 'blockquote':
      return blocks(token.tokens ?? []);
    default:
      return plainParagraphs('text' in token && typeof token.text === 'string' ? token.text : token.raw);
  }
}

function list(token: Tokens.List): JSONContent {
  const content = token.items.map(listItem);
  if (!token.ordered) return { type: 'bulletList', content };
  const start = typeof token.start === 'number' ? token.start : 1;
  return { type: 'orderedList', attrs: { start }, content };
}

function listItem(item: Tokens.ListItem): JSONContent {
  const content = blocks(item.tokens);
  // A list item must start with a paragraph (`paragraph block*`), even an empty one.
  if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
  return { type: 'listItem', content };
}

function paragraph(content: JSONContent[]): JSONContent {
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function plainParagraphs(text: string): JSONContent[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => paragraph(plain(part)));
}

function headingLevel(depth: number): HeadingLevel {
  const last = headingLevels[headingLevels.length - 1] ?? 1;
  return Math.min(Math.max(depth, 1), last) as HeadingLevel;
}

function inline(tokens: Token[], marks: Mark[] = []): JSONContent[] {
  return tokens.flatMap((token) => inlineToken(token, marks));
}

function inlineToken(token: Token, marks: Mark[]): JSONContent[] {
  switch (token.type) {
    case 'strong':
      return inline(token.tokens ?? [], withMark(marks, { type: 'bold' }));
    case 'em':
      return inline(token.tokens ?? [], withMark(marks, { type: 'italic' }));
    case 'link': {
      const { href, tokens } = token as Tokens.Link;
      const words = tokens && tokens.length > 0 ? tokens : [{ type: 'text', raw: token.text, text: token.text } as Token];
      return inline(words, isSafeHref(href) ? withMark(marks, { type: 'link', attrs: { href } }) : marks);
    }
    case 'br':
      return [{ type: 'hardBreak' }];
    case 'image':
      return plain(token.text, marks);
    default: {
      const children = 'tokens' in token ? token.tokens : undefined;
      if (children && children.length > 0) return inline(children, marks);
      return plain('text' in token && typeof token.text === 'string' ? token.text : token.raw, marks);
    }
  }
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  return marks.some((m) => m.type === mark.type) ? marks : [...marks, mark];
}

/** A text node; Markdown's soft line breaks are spaces in the rendered text, so they are here. */
function plain(text: string, marks: Mark[] = []): JSONContent[] {
  const clean = text.replace(/[ \t]*\n[ \t]*/g, ' ');
  if (clean.length === 0) return [];
  const node: JSONContent = { type: 'text', text: clean };
  if (marks.length > 0) node.marks = marks.map((mark) => ({ ...mark }));
  return [node];
}
