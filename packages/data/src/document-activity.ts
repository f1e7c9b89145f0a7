/**
 * When each document was last written: the head's `updatedAt`, which every append stamps. Lets
 * lists show "updated" without touching statement metadata on every keystroke.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentKeys } from './keys.ts';
import { key, keyNames, num, str } from './requests.ts';
import { tableDefinition } from './table-definition.ts';

const batchLimit = 100;

export interface DocumentActivity {
  /** Epoch ms of the last stored update per document; documents never written are absent. */
  lastWritten(input: { docIds: readonly string[] }): Promise<Map<string, number>>;
}

export function createDocumentActivity(options: { client: DynamoDBDocumentClient; tableName: string }): DocumentActivity {
  const { client, tableName } = options;
  return {
    async lastWritten({ docIds }) {
      const byPk = new Map(docIds.map((id) => [documentKeys.pk(id), id]));
      const result = new Map<string, number>();
      const pks = [...byPk.keys()];
      for (let i = 0; i < pks.length; i += batchLimit) {
        let keys = pks.slice(i, i + batchLimit).map((pk) => key({ pk, sk: documentKeys.head }));
        for (let round = 0; keys.length > 0 && round < 8; round++) {
          const page = await client.send(
            new BatchGetCommand({
              RequestItems: { [tableName]: { Keys: keys, ProjectionExpression: '#pk, updatedAt', ExpressionAttributeNames: { '#pk': keyNames['#pk'] } } },
            }),
          );
          for (const item of page.Responses?.[tableName] ?? []) {
            const docId = byPk.get(str(item, tableDefinition.partitionKey) ?? '');
            const updatedAt = num(item, 'updatedAt');
            if (docId && updatedAt !== undefined) result.set(docId, updatedAt);
          }
          keys = (page.UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof keys;
        }
      }
      return result;
    },
  };
}
