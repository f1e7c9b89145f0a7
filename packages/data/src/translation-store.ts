/**
 * Which languages a statement is translated into: one item per translation, partition
 * `TRANS#<statementId>`, sort key `LANG#<language>`, put only if absent (two people adding the
 * same language at once store it once). Implements `@concord/translations`' TranslationStore;
 * the translated words are in the translation's Yjs document, not here.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isTranslationLanguage, type TranslationLanguage } from '@concord/core';
import { translationKeys } from './keys.ts';
import { key, putIfAbsent, queryPrefix, type Item } from './requests.ts';

export interface StoredTranslation {
  statementId: string;
  language: TranslationLanguage;
  createdAt: number;
  createdBy: { userId: string; organisationId: string };
}

export function createTranslationStore(options: { client: DynamoDBDocumentClient; tableName: string }) {
  const { client, tableName } = options;
  return {
    async add({ translation }: { translation: StoredTranslation }): Promise<boolean> {
      const { statementId, language, createdAt, createdBy } = translation;
      return putIfAbsent({ client, tableName, item: { ...key({ pk: translationKeys.pk(statementId), sk: translationKeys.sk(language) }), statementId, language, createdAt, createdBy: { ...createdBy } } });
    },

    async list({ statementId }: { statementId: string }): Promise<StoredTranslation[]> {
      const items = await queryPrefix({ client, tableName, pk: translationKeys.pk(statementId), prefix: translationKeys.prefix });
      return items.flatMap((item) => {
        const translation = fromItem(item);
        return translation ? [translation] : [];
      });
    },
  };
}

/** A stored item back as a translation; null for one that does not read as one (never trusted blindly). */
function fromItem(item: Item): StoredTranslation | null {
  const by = item.createdBy as Record<string, unknown> | undefined;
  if (typeof item.statementId !== 'string' || !isTranslationLanguage(item.language) || typeof item.createdAt !== 'number') return null;
  if (typeof by?.userId !== 'string' || typeof by.organisationId !== 'string') return null;
  return { statementId: item.statementId, language: item.language, createdAt: item.createdAt, createdBy: { userId: by.userId, organisationId: by.organisationId } };
}
