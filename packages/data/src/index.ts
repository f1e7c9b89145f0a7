/** `@concord/data`: the sync ports and the directory repositories on one DynamoDB table. */
export { createDynamoClient, countRequests, type RequestCounts } from './client.ts';
export { ensureTable } from './table.ts';
export { startEmbeddedDynamo, type EmbeddedDynamo } from './embedded.ts';
export { createDocumentStore, type DocumentStoreOptions } from './document-store.ts';
export { createConnectionRegistry } from './connection-registry.ts';
export { createChunkStore } from './chunk-store.ts';
export { createTickets, type Tickets, type TicketAccess } from './tickets.ts';
export { createRepositories, type Repositories, type Directory } from './repositories.ts';
export { tableDefinition, type TableDefinition } from './table-definition.ts';
export { sweepExpired } from './sweep.ts';
export { createDocumentActivity, type DocumentActivity } from './document-activity.ts';
