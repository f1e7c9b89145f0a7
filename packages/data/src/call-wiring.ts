/**
 * The call ports on DynamoDB: calls, the document store's freeze, the directory, the audit log
 * and notifications from this package; the text and live editors from the caller (the web reads
 * versions, brackets and the Yjs text; the scheduler never opens a call, and tells editors
 * through the sync core it has).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { createAuditLog } from './audit-log.ts';
import type { CallDirectory, CallLive, CallPorts, CallText } from '@concord/calls/ports';
import { createCallStore } from './calls.ts';
import { createDocumentStore } from './document-store.ts';
import { createNotificationStore } from './notifications.ts';
import { createRepositories, type Repositories } from './repositories.ts';

/** The scheduler has no text port: it never opens a call. */
export const noCallText: CallText = {
  latestNamedVersion: async () => null,
  isClean: async () => false,
  currentHash: async () => '',
};

/** A statement with its task force, a coalition's organisations and people: what a call (and a publication) reads of the directory. */
export function callDirectory(repositories: Repositories): CallDirectory {
  return {
    async statement(id) {
      const statement = await repositories.statements.get(id);
      if (!statement) return null;
      const taskForceId = statement.visibility.scope === 'task-force' ? statement.visibility.taskForceId : null;
      return { statement, taskForce: taskForceId ? await repositories.taskForces.get(taskForceId) : null };
    },
    coalition: (id) => repositories.coalitions.get(id),
    organisations: (coalitionId) => repositories.organisations.listByCoalition(coalitionId),
    users: (coalitionId) => repositories.users.listByCoalition(coalitionId),
  };
}

export function createCallPorts(input: {
  client: DynamoDBDocumentClient;
  tableName: string;
  text?: CallText;
  live: CallLive;
  log?: CallPorts['log'];
  /** The audit chain's key (`auditChainKey` of the server's secret key). */
  auditKey: Uint8Array;
}): CallPorts {
  const store = { client: input.client, tableName: input.tableName };
  const repositories = createRepositories(store);
  const documents = createDocumentStore(store);
  return {
    calls: createCallStore(store),
    text: input.text ?? noCallText,
    freezer: { freeze: documents.freeze, unfreeze: documents.unfreeze, frozenBy: documents.frozenBy },
    live: input.live,
    directory: callDirectory(repositories),
    audit: createAuditLog({ ...store, key: input.auditKey }),
    notifications: createNotificationStore(store),
    newId: () => `call_${ulid()}`,
    log: input.log,
  };
}
