/** What the negotiation store's modules share: the table and small request helpers over one partition. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getOne, type Item } from './requests.ts';

/** What the bracket and lock modules need from the store: its table and request helpers. */
export interface NotesContext {
  client: DynamoDBDocumentClient;
  tableName: string;
  query(docId: string, prefix?: string): Promise<Item[]>;
  put(docId: string, sk: string, attributes: Item): Promise<void>;
  /** Puts the item only if none has its key: false when one has. */
  putNew(docId: string, sk: string, attributes: Item): Promise<boolean>;
  update(input: { docId: string; sk: string; set: string; condition: string; names?: Record<string, string>; values: Record<string, unknown> }): Promise<boolean>;
  item(docId: string, sk: string): Record<string, string>;
}

/** A consistent read of one item, or null. */
export async function getItem(input: { context: NotesContext; docId: string; sk: string }): Promise<Item | null> {
  const { context, docId, sk } = input;
  return getOne({ ...context, key: context.item(docId, sk) });
}
