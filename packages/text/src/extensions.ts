/**
 * The editor schema of a statement: what a statement's text may contain. The browser editor and
 * every headless tool (Markdown import, exports, diffs) build the same schema from this list, so a
 * document written by one is always readable by the other.
 */
import { getSchema, type AnyExtension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref } from './links.ts';

/** The Y.XmlFragment of a statement's Y.Doc that holds its text (Tiptap Collaboration's default). */
export const statementField = 'default';

/** Heading levels a statement may use: title, section, sub-section. */
export const headingLevels = [1, 2, 3] as const;
export type HeadingLevel = (typeof headingLevels)[number];

/**
 * The `link` mark: Tiptap's Link with an `href` the schema validates (`isSafeHref`: http, https,
 * mailto), so a document holding a `javascript:` link does not check, wherever it came from.
 * Links open in the same tab, `rel="nofollow noopener"`; clicking one in the editor edits, it
 * does not navigate.
 */
const SafeLink = Link.extend({
  addAttributes() {
    const parent: Record<string, object> = this.parent?.() ?? {};
    return {
      ...parent,
      href: {
        ...parent.href,
        validate: (value: unknown) => {
          if (!isSafeHref(value)) throw new RangeError('A link must be an http, https or mailto address.');
        },
      },
    };
  },
}).configure({
  openOnClick: false,
  autolink: false,
  protocols: [],
  defaultProtocol: 'https',
  isAllowedUri: (url) => isSafeHref(url),
  HTMLAttributes: { rel: 'nofollow noopener', target: null },
});

/**
 * Headings, paragraphs, bullet and numbered lists, bold, italic and links — nothing else yet.
 * Undo/redo is off because Collaboration brings a Yjs-aware undo manager; the trailing-node
 * plugin is off because it would make every client (even a reader) append an empty paragraph to
 * a document that ends with a list, and concurrent clients would each add one.
 */
export function statementExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [...headingLevels] },
      undoRedo: false,
      trailingNode: false,
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: false,
    }),
    SafeLink,
  ];
}

let schema: Schema | undefined;

/** The ProseMirror schema built from {@link statementExtensions}; works in Node without a DOM. */
export function statementSchema(): Schema {
  schema ??= getSchema(statementExtensions());
  return schema;
}
