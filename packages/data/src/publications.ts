/**
 * Published declarations on the one table (layout: `publicationKeys`). Publishing is "once": the
 * record is put with `attribute_not_exists`, after the snapshot it points to was written under a
 * fresh attempt id, so a lost race leaves only unreferenced parts and never changes what the
 * winner published. Slugs are claimed with a conditional put; endorsements hold a lock item per
 * organisation name, so one organisation is listed once whatever the concurrency. The adapter of
 * `@concord/publication`'s `PublicationStore` port.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Endorsement, Publication } from '@concord/core';
import type { PublicationRecord, PublicationStore } from '@concord/publication/ports';
import { ulid } from 'ulid';
import { publicationKeys } from './keys.ts';
import { joinBytes, splitBytes } from './parts.ts';
import { conditionally, key, keyNames, queryAll, type Item } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import { gsi1IndexName } from './table.ts';

/** The immutable text of a declaration, stored as JSON in parts under the record's attempt. */
type Snapshot = Pick<Publication, 'html' | 'plainText' | 'translations'>;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const recordFields = ['statementId', 'coalitionId', 'coalitionName', 'slug', 'title', 'language', 'dir', 'version', 'record', 'publishedAt', 'publishedBy', 'status', 'withdrawn', 'signOn', 'attestation'] as const;

function recordFrom(item: Item): PublicationRecord {
  const record = Object.fromEntries(recordFields.map((field) => [field, item[field] ?? null])) as unknown as PublicationRecord;
  if (typeof record.statementId !== 'string' || typeof record.slug !== 'string') throw new TypeError('stored publication is malformed');
  return record;
}

const endorsementFields = ['id', 'statementId', 'name', 'key', 'country', 'contact', 'organisationId', 'source', 'status', 'at', 'decidedAt', 'decidedBy'] as const;
const endorsementFrom = (item: Item) => Object.fromEntries(endorsementFields.map((f) => [f, item[f] ?? null])) as unknown as Endorsement;

export function createPublicationStore(options: { client: DynamoDBDocumentClient; tableName: string }): PublicationStore {
  const { client, tableName } = options;
  const { gsi1 } = tableDefinition.indexes;
  const recordKey = (statementId: string) => key({ pk: publicationKeys.pk(statementId), sk: publicationKeys.record });
  const put = (Item: Item) => client.send(new PutCommand({ TableName: tableName, Item }));

  async function getItem(k: Record<string, string>): Promise<Item | null> {
    return (await client.send(new GetCommand({ TableName: tableName, Key: k, ConsistentRead: true }))).Item ?? null;
  }

  async function full(statementId: string): Promise<Publication | null> {
    const item = await getItem(recordKey(statementId));
    if (!item) return null;
    const parts = await queryAll({
      client,
      query: {
        TableName: tableName,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: keyNames,
        ExpressionAttributeValues: { ':pk': publicationKeys.pk(statementId), ':prefix': publicationKeys.bodyPrefix(String(item.attempt)) },
        ConsistentRead: true,
      },
    });
    const body = JSON.parse(decoder.decode(joinBytes(parts.map((p) => p.part as Uint8Array)))) as Snapshot;
    return { ...recordFrom(item), ...body };
  }

  return {
    async claimSlug({ slug, statementId }) {
      const slugKey = key(publicationKeys.slug(slug));
      const claimed = await conditionally(() =>
        client.send(new PutCommand({ TableName: tableName, Item: { ...slugKey, slug, statementId }, ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': keyNames['#pk'] } })),
      );
      return claimed || (await getItem(slugKey))?.statementId === statementId;
    },

    async publish(publication) {
      const { statementId, html, plainText, translations, ...record } = publication;
      const pk = publicationKeys.pk(statementId);
      const attempt = ulid();
      const snapshot: Snapshot = { html, plainText, translations };
      for (const [index, part] of splitBytes({ bytes: encoder.encode(JSON.stringify(snapshot)) }).entries()) {
        await put({ ...key({ pk, sk: publicationKeys.bodyPart({ attempt, index }) }), part });
      }
      return conditionally(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...recordKey(statementId),
              statementId,
              ...record,
              attempt,
              [gsi1.partitionKey]: publicationKeys.all,
              [gsi1.sortKey]: publicationKeys.entry({ publishedAt: publication.publishedAt, statementId }),
            },
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': keyNames['#pk'] },
          }),
        ),
      );
    },

    async record(statementId) {
      const item = await getItem(recordKey(statementId));
      return item ? recordFrom(item) : null;
    },

    async bySlug(slug) {
      const claim = await getItem(key(publicationKeys.slug(slug)));
      if (typeof claim?.statementId !== 'string') return null;
      const publication = await full(claim.statementId);
      // A slug claimed by a publish that then lost its race points at nothing, or at another slug.
      return publication?.slug === slug ? publication : null;
    },

    full,

    async list() {
      const items = await queryAll({
        client,
        query: {
          TableName: tableName,
          IndexName: gsi1IndexName,
          KeyConditionExpression: '#g = :g',
          ExpressionAttributeNames: { '#g': gsi1.partitionKey },
          ExpressionAttributeValues: { ':g': publicationKeys.all },
          ScanIndexForward: false,
        },
      });
      return items.map(recordFrom);
    },

    async withdraw({ statementId, withdrawn }) {
      return conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: recordKey(statementId),
            UpdateExpression: 'SET #status = :withdrawn, withdrawn = :w',
            ConditionExpression: '#status = :published',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':published': 'published', ':w': withdrawn },
          }),
        ),
      );
    },

    async setSignOn({ statementId, signOn }) {
      return conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: recordKey(statementId),
            UpdateExpression: 'SET signOn = :s',
            ConditionExpression: '#status = :published',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':s': signOn, ':published': 'published' },
          }),
        ),
      );
    },

    async closeSignOn({ statementId, now }) {
      return conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: recordKey(statementId),
            UpdateExpression: 'SET signOn.closedAt = :now',
            ConditionExpression: 'attribute_type(signOn, :map) AND signOn.closedAt = :null AND signOn.closesAt > :now',
            ExpressionAttributeValues: { ':now': now, ':null': null, ':map': 'M' },
          }),
        ),
      );
    },

    async addEndorsement(endorsement) {
      const pk = publicationKeys.pk(endorsement.statementId);
      const locked = await conditionally(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key({ pk, sk: publicationKeys.nameLock(endorsement.key) }), endorsementId: endorsement.id },
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': keyNames['#pk'] },
          }),
        ),
      );
      if (!locked) return false;
      await put({ ...key({ pk, sk: publicationKeys.endorsement(endorsement.id) }), ...endorsement });
      return true;
    },

    async endorsements(statementId) {
      const items = await queryAll({
        client,
        query: {
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
          ExpressionAttributeNames: keyNames,
          ExpressionAttributeValues: { ':pk': publicationKeys.pk(statementId), ':prefix': publicationKeys.endorsementPrefix },
          ConsistentRead: true,
        },
      });
      return items.map(endorsementFrom);
    },

    async decide({ statementId, endorsementId, status, by, now }) {
      const pk = publicationKeys.pk(statementId);
      const result = await conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key({ pk, sk: publicationKeys.endorsement(endorsementId) }),
            UpdateExpression: 'SET #status = :status, decidedAt = :now, decidedBy = :by',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': status, ':now': now, ':by': by, ':pending': 'pending' },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      if (result && status === 'rejected') {
        const endorsement = (await getItem(key({ pk, sk: publicationKeys.endorsement(endorsementId) }))) as Item;
        // A rejected entry (a mistake, an impostor) must not keep the real organisation from endorsing.
        await conditionally(() =>
          client.send(
            new DeleteCommand({
              TableName: tableName,
              Key: key({ pk, sk: publicationKeys.nameLock(String(endorsement.key)) }),
              ConditionExpression: 'endorsementId = :id',
              ExpressionAttributeValues: { ':id': endorsementId },
            }),
          ),
        );
      }
      return result;
    },
  };
}
