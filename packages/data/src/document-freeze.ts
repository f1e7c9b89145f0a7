/**
 * Freezing a text for a consensus call: `frozenBy` on the head names the call. Every head-first
 * append and every lease is conditional on its absence; only the call that froze it unfreezes it.
 */
import type { DocumentContext } from './document-store.ts';
import { documentKeys } from './keys.ts';
import { getOne, key, updateIf } from './requests.ts';

export async function freeze(input: { context: DocumentContext; docId: string; by: string }): Promise<boolean> {
  const { context, docId, by } = input;
  return updateIf({ ...context, key: key(documentKeys.headItem(docId)), update: 'SET frozenBy = :by', condition: 'attribute_not_exists(frozenBy)', values: { ':by': by } });
}

export async function unfreeze(input: { context: DocumentContext; docId: string; by: string }): Promise<void> {
  const { context, docId, by } = input;
  await updateIf({ ...context, key: key(documentKeys.headItem(docId)), update: 'REMOVE frozenBy', condition: 'frozenBy = :by', values: { ':by': by } });
}

export async function frozenBy(input: { context: DocumentContext; docId: string }): Promise<string | null> {
  const { context, docId } = input;
  const value = (await getOne({ ...context, key: key(documentKeys.headItem(docId)), projection: 'frozenBy' }))?.frozenBy;
  return typeof value === 'string' ? value : null;
}
