/**
 * A translation's live Yjs document (one per statement and language): the translated title
 * (`Y.Text` "title") and the translated paragraphs (`Y.Array` "paragraphs" of `Y.Map`s, each
 * `source`: the hex SHA-256 of the source paragraph it translates, and `text`: a `Y.Text`).
 * Paragraphs are matched to the source by `alignTranslation` in `@concord/core`.
 *
 * Stamping: a paragraph is stamped with its source's hash when it is created, when its first
 * words are typed into it (an empty paragraph is a fresh translation), and when someone marks it
 * current after review. Editing a stale paragraph does not stamp it: only the review does.
 */
import * as Y from 'yjs';

export const translationFields = { title: 'title', paragraphs: 'paragraphs' } as const;

export interface TranslationContent {
  title: string;
  paragraphs: { sourceHash: string; text: string }[];
}

export function translationParagraphs(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(translationFields.paragraphs);
}

export function translationTitle(doc: Y.Doc): Y.Text {
  return doc.getText(translationFields.title);
}

/** The text of a translated paragraph; null when the entry is malformed. */
export function paragraphText(entry: Y.Map<unknown>): Y.Text | null {
  const text = entry.get('text');
  return text instanceof Y.Text ? text : null;
}

function sourceOf(entry: Y.Map<unknown>): string {
  const source = entry.get('source');
  return typeof source === 'string' ? source : '';
}

/** What a translation says, in order; text NFC and trimmed as published. */
export function readTranslation(input: { doc: Y.Doc }): TranslationContent {
  return {
    title: translationTitle(input.doc).toString().normalize('NFC').trim(),
    paragraphs: translationParagraphs(input.doc)
      .toArray()
      .map((entry) => ({ sourceHash: sourceOf(entry), text: (paragraphText(entry)?.toString() ?? '').normalize('NFC').trim() })),
  };
}

/** Inserts an empty translated paragraph for the source paragraph `sourceHash` at `at`; returns its text. */
export function insertTranslatedParagraph(input: { doc: Y.Doc; at: number; sourceHash: string }): Y.Text {
  const entry = new Y.Map<unknown>();
  const text = new Y.Text();
  entry.set('source', input.sourceHash);
  entry.set('text', text);
  translationParagraphs(input.doc).insert(Math.min(input.at, translationParagraphs(input.doc).length), [entry]);
  return text;
}

/** Stamps entry `index` as translating the source paragraph `sourceHash`. */
export function stampParagraph(input: { doc: Y.Doc; index: number; sourceHash: string }): void {
  const entry = translationParagraphs(input.doc).get(input.index);
  if (entry && sourceOf(entry) !== input.sourceHash) entry.set('source', input.sourceHash);
}

/** Removes entry `index` (an orphaned translation someone discards). */
export function removeTranslatedParagraph(input: { doc: Y.Doc; index: number }): void {
  if (input.index < translationParagraphs(input.doc).length) translationParagraphs(input.doc).delete(input.index, 1);
}

/** A translation document with `title` and `paragraphs` already in it (seeding, tests). */
export function translationState(input: TranslationContent): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    translationTitle(doc).insert(0, input.title);
    input.paragraphs.forEach((p, at) => insertTranslatedParagraph({ doc, at, sourceHash: p.sourceHash }).insert(0, p.text));
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
