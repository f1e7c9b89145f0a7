import { tableDefinition } from '../packages/data/src/table-definition.ts';

const { partitionKey, sortKey, ttlAttribute, indexes } = tableDefinition;

/**
 * The one table. Keys, index and TTL attribute come from the same definition the local host
 * uses to create its dynalite table, so the two hosts cannot drift.
 */
export const table = new sst.aws.Dynamo('Table', {
  fields: {
    [partitionKey]: 'string',
    [sortKey]: 'string',
    [indexes.gsi1.partitionKey]: 'string',
    [indexes.gsi1.sortKey]: 'string',
  },
  primaryIndex: { hashKey: partitionKey, rangeKey: sortKey },
  globalIndexes: {
    gsi1: { hashKey: indexes.gsi1.partitionKey, rangeKey: indexes.gsi1.sortKey },
  },
  ttl: ttlAttribute,
});
