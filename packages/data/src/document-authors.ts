/**
 * Who wrote since the last version: the head's `authors` set, added to by every append (on the
 * head's counter update, or `addAuthor` after a room read) and taken when a version is cut.
 */
import type { DocumentContext } from './document-store.ts';
import { documentKeys } from './keys.ts';
import { getOne, key, updateItem } from './requests.ts';

/** Reads the head's author set, then removes exactly those: authors added meanwhile stay. */
export async function takeAuthors(input: { context: DocumentContext; docId: string }): Promise<string[]> {
  const { context, docId } = input;
  const stored = (await getOne({ ...context, key: key(documentKeys.headItem(docId)), projection: 'authors' }))?.authors;
  const authors = stored instanceof Set ? [...stored].filter((a): a is string => typeof a === 'string') : [];
  if (authors.length === 0) return [];
  await updateItem({ ...context, key: key(documentKeys.headItem(docId)), update: 'DELETE authors :taken', values: { ':taken': new Set(authors) } });
  return authors;
}
