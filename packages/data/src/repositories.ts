/**
 * Repositories for the directory entities: coalitions, organisations, task forces, users and
 * statement metadata. One item per entity keyed by id (`COAL#`, `ORG#`, `TF#`, `USR#`, `STMT#` /
 * a fixed sort key); `gsi1` lists them by parent (every coalition under `COALITIONS`; a
 * coalition's members under `COAL#<id>`, sorted by kind then id). `get` is a consistent read;
 * lists go through the index and are eventually consistent on AWS.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Coalition, Organisation, Statement, TaskForce, User } from '@concord/core';
import { entityKeys, type MemberKind } from './keys.ts';
import { deleteItem, getOne, key, putItem, queryPrefix, type Item, type Table } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import { coalitionShape, organisationShape, statementShape, taskForceShape, userShape, type EntityShape } from './entity-shapes.ts';

/** The directory: the web server's `Directory` port is this contract (web/src/lib/server/ports.ts). */
export interface Repositories {
  coalitions: { get(id: string): Promise<Coalition | null>; list(): Promise<Coalition[]>; put(coalition: Coalition): Promise<void> };
  organisations: EntityStore<Organisation>;
  taskForces: EntityStore<TaskForce> & {
    /** Removes the task force; removing one that does not exist is not an error. */
    delete(id: string): Promise<void>;
  };
  users: EntityStore<User>;
  statements: EntityStore<Statement>;
}

/** Entities that belong to one coalition (the web server's `EntityStore` is this). */
export type EntityStore<T> = Directory<T>;

/** Entities that belong to one coalition. The name predates the web server's `Directory` port. */
export interface Directory<T> {
  /** The entity, or null when there is none with this id. */
  get(id: string): Promise<T | null>;
  /** Every entity of the coalition, in id order (creation order for ULID ids). */
  listByCoalition(coalitionId: string): Promise<T[]>;
  /** Creates or replaces the entity with this id. */
  put(entity: T): Promise<void>;
}

/** Directory repositories on the one table. Returned objects hold exactly the domain fields. */
export function createRepositories(options: { client: DynamoDBDocumentClient; tableName: string }): Repositories {
  const context: Table = { client: options.client, tableName: options.tableName };
  const coalitions = entity({ context, shape: coalitionShape, keys: entityKeys.coalition, gsi1: (c) => ({ pk: entityKeys.allCoalitions, sk: entityKeys.coalitionEntry(c.id) }) });
  return {
    coalitions: { get: coalitions.get, put: coalitions.put, list: () => coalitions.list({ pk: entityKeys.allCoalitions, prefix: entityKeys.coalitionPrefix }) },
    organisations: directory({ context, shape: organisationShape, keys: entityKeys.organisation, kind: 'ORG' }),
    taskForces: {
      ...directory({ context, shape: taskForceShape, keys: entityKeys.taskForce, kind: 'TF' }),
      delete: (id) => deleteItem({ ...context, key: key({ pk: entityKeys.taskForce.pk(id), sk: entityKeys.taskForce.sk }) }),
    },
    users: directory({ context, shape: userShape, keys: entityKeys.user, kind: 'USR' }),
    statements: directory({ context, shape: statementShape, keys: entityKeys.statement, kind: 'STMT' }),
  };
}

function directory<T extends { id: string; coalitionId: string }>(input: {
  context: Table;
  shape: EntityShape<T>;
  keys: { pk: (id: string) => string; sk: string };
  kind: MemberKind;
}): Directory<T> {
  const { kind } = input;
  const repository = entity({
    ...input,
    gsi1: (e) => ({ pk: entityKeys.coalitionMembers(e.coalitionId), sk: entityKeys.member({ kind, id: e.id }) }),
  });
  return {
    get: repository.get,
    put: repository.put,
    listByCoalition: (coalitionId) => repository.list({ pk: entityKeys.coalitionMembers(coalitionId), prefix: entityKeys.memberPrefix(kind) }),
  };
}

function entity<T extends { id: string }>(input: {
  context: Table;
  shape: EntityShape<T>;
  keys: { pk: (id: string) => string; sk: string };
  gsi1: (entity: T) => { pk: string; sk: string };
}) {
  const { context, shape, keys } = input;
  const index = tableDefinition.indexes.gsi1;
  return {
    async get(id: string): Promise<T | null> {
      const item = await getOne({ ...context, key: key({ pk: keys.pk(id), sk: keys.sk }) });
      return item ? shape.fromItem(item) : null;
    },
    async put(value: T): Promise<void> {
      const listing = input.gsi1(value);
      const item: Item = { ...shape.toItem(value), ...key({ pk: keys.pk(value.id), sk: keys.sk }), [index.partitionKey]: listing.pk, [index.sortKey]: listing.sk };
      await putItem({ ...context, item });
    },
    async list(where: { pk: string; prefix: string }): Promise<T[]> {
      return (await queryPrefix({ ...context, index: 'gsi1', pk: where.pk, prefix: where.prefix })).map(shape.fromItem);
    },
  };
}
