/**
 * `@concord/data`: storage on one DynamoDB table (the sync ports, the directory, accounts and
 * sign-in records, the audit log) and the AWS/local adapters the servers use (API Gateway's
 * management API, SES, a mail outbox on disk).
 */
export { createDynamoClient, countRequests, storeKeyOf, type RequestCounts } from './client.ts';
export { ensureTable } from './table.ts';
export { startEmbeddedDynamo, type EmbeddedDynamo } from './embedded.ts';
export { createDocumentStore, type DocumentStoreOptions } from './document-store.ts';
export { createConnectionRegistry, type DynamoConnectionRegistry } from './connection-registry.ts';
export { liveConnectionsFor, publishLiveConnections, type LiveConnections } from './live-connections.ts';
export { createChunkStore } from './chunk-store.ts';
export { createTickets, type Tickets, type TicketAccess, type TicketGrant } from './tickets.ts';
export { createRepositories, type Repositories, type Directory, type EntityStore } from './repositories.ts';
export { tableDefinition, type TableDefinition } from './table-definition.ts';
export { sweepExpired } from './sweep.ts';
export { createDocumentActivity, type DocumentActivity } from './document-activity.ts';
export { createAccounts } from './accounts.ts';
export { createSessions } from './sessions.ts';
export { createInvitations } from './invitations.ts';
export { createPasswordResets } from './password-resets.ts';
export { createRateLimiter } from './rate-limiter.ts';
export { createAuditLog, type AuditLog } from './audit-log.ts';
export { createAttemptThrottle } from './attempt-throttle.ts';
export type { Accounts, AttemptThrottle, Backoff, Claim, Invitations, PasswordResets, RateLimiter, Sessions } from '@concord/accounts/ports';
export { createRealtime, type Realtime, type Evictor } from './realtime.ts';
export { createManagementGateway } from './management-gateway.ts';
export { createOutboxMailer } from './outbox-mailer.ts';
export { createSesMailer } from './ses-mailer.ts';
export type { Mail, Mailer, Outbox, OutboxMail } from './mail.ts';
export { createCallStore } from './calls.ts';
export type { CallStore } from '@concord/calls/ports';
export { createNegotiationStore } from './negotiation.ts';
export type { NegotiationStore } from '@concord/negotiation/ports';
export { createVersionStore } from './version-store.ts';
export { createTranslationStore, type StoredTranslation } from './translation-store.ts';
