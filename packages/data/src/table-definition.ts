/**
 * The single DynamoDB table, defined once: `infra/storage.ts` declares it from this object and
 * the local host creates it from it, so keys and indexes cannot drift between hosts.
 * This file must import nothing (infra/ loads it inside SST's config).
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch *seconds*, as DynamoDB's TTL requires. dynalite ignores it: readers filter on it. */
  ttlAttribute: 'expiresAt',
  indexes: {
    /** Listing by parent: statements of a coalition, organisations, users. Eventually consistent. */
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  },
} as const;

export type TableDefinition = typeof tableDefinition;
