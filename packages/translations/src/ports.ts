/**
 * The port the translation service consumes: which languages a statement is translated into.
 * The translated words themselves live in each translation's Yjs document (the sync core's
 * document store). Implementations: in memory (`memory-store.ts`) and DynamoDB
 * (`@concord/data`'s `createTranslationStore`); the integration suite runs both.
 */
import type { TranslationLanguage } from '@concord/core';

export interface TranslationRecord {
  statementId: string;
  language: TranslationLanguage;
  createdAt: number;
  createdBy: { userId: string; organisationId: string };
}

export interface TranslationStore {
  /** Stores a new translation; false (nothing written) when the statement already has that language. */
  add(input: { translation: TranslationRecord }): Promise<boolean>;
  /** The statement's translations, by language tag (consistent read). */
  list(input: { statementId: string }): Promise<TranslationRecord[]>;
}
