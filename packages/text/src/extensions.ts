/**
 * The editor schema of a statement: what a statement's text may contain. The browser editor and
 * every headless tool (Markdown import, exports, diffs) build the same schema from this list, so a
 * document written by one is always readable by the other.
 */
import { getSchema, type AnyExtension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';

/** The Y.XmlFragment of a statement's Y.Doc that holds its text (Tiptap Collaboration's default). */
export const statementField = 'default';

/** Heading levels a statement may use: title, section, sub-section. */
export const headingLevels = [1, 2, 3] as const;
export type HeadingLevel = (typeof headingLevels)[number];

/**
 * Headings, paragraphs, bullet and numbered lists, bold and italic — nothing else yet.
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
  ];
}

let schema: Schema | undefined;

/** The ProseMirror schema built from {@link statementExtensions}; works in Node without a DOM. */
export function statementSchema(): Schema {
  schema ??= getSchema(statementExtensions());
  return schema;
}
