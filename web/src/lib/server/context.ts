/**
 * The web server's composition root: the only place that reads the environment and builds the
 * DynamoDB client. Everything else receives the repositories from here.
 *
 * Env: `DYNAMODB_ENDPOINT` (dynalite or another DynamoDB-compatible endpoint; unset on AWS),
 * `CONCORD_TABLE` (default `concord`), `CONCORD_WS_URL` (the WebSocket gateway; unset → the
 * client uses `ws(s)://<page host>/ws`). The local host sets the first two before loading the
 * built handler, so the page server and the gateway share one table.
 */
import { env } from '$env/dynamic/private';
import type { Coalition, DocumentAccess, Organisation, Principal, Statement, User } from '@concord/core';
import { createDocumentActivity, createDynamoClient, createRepositories, createTickets } from '@concord/data';

/** What the pages and endpoints need, nothing more. */
export interface WebContext {
  coalitions: {
    get(id: string): Promise<Coalition | null>;
    list(): Promise<Coalition[]>;
  };
  organisations: {
    get(id: string): Promise<Organisation | null>;
    listByCoalition(coalitionId: string): Promise<Organisation[]>;
  };
  users: {
    get(id: string): Promise<User | null>;
    listByCoalition(coalitionId: string): Promise<User[]>;
  };
  statements: {
    get(id: string): Promise<Statement | null>;
    listByCoalition(coalitionId: string): Promise<Statement[]>;
  };
  /** When each statement's text was last written (absent: never edited since it was created). */
  activity: {
    lastWritten(input: { docIds: readonly string[] }): Promise<Map<string, number>>;
  };
  tickets: {
    issue(input: { principal: Principal; docId: string; access: Exclude<DocumentAccess, 'none'>; now: number }): Promise<string>;
  };
  /** `CONCORD_WS_URL`, or undefined for the same-origin `/ws`. */
  gatewayUrl: string | undefined;
}

let context: WebContext | undefined;

/** The context, built on first use (not at import: `vite build` imports server code). */
export function webContext(): WebContext {
  context ??= buildContext();
  return context;
}

function buildContext(): WebContext {
  const client = createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT || undefined });
  const tableName = env.CONCORD_TABLE || 'concord';
  const repositories = createRepositories({ client, tableName });
  return {
    coalitions: repositories.coalitions,
    organisations: repositories.organisations,
    users: repositories.users,
    statements: repositories.statements,
    activity: createDocumentActivity({ client, tableName }),
    tickets: createTickets({ client, tableName }),
    gatewayUrl: env.CONCORD_WS_URL || undefined,
  };
}
