/**
 * Which languages a statement is translated into: one item per translation, partition
 * `TRANS#<statementId>`, sort key `LANG#<language>`, put only if absent (two people adding the
 * same language at once store it once). Implements `@concord/translations`' TranslationStore;
 * the translated words are in the translation's Yjs document, not here.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { translationLanguages, type TranslationLanguage } from '@concord/core';
import { actedBy, map, number, oneOf, text } from './fields.ts';
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
      return (await queryPrefix({ client, tableName, pk: translationKeys.pk(statementId), prefix: translationKeys.prefix })).map(translationFrom);
    },
  };
}

const languages = Object.keys(translationLanguages) as TranslationLanguage[];

function translationFrom(item: Item): StoredTranslation {
  return { statementId: text(item, 'statementId'), language: oneOf(item, 'language', languages), createdAt: number(item, 'createdAt'), createdBy: actedBy(map(item, 'createdBy')) };
}
