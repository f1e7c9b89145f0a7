/**
 * Published declarations on the one table (layout: `publicationKeys`). Publishing is "once": the
 * record is put with `attribute_not_exists`, after the snapshot it points to was written under a
 * fresh attempt id, so a lost race leaves only unreferenced parts and never changes what the
 * winner published. Slugs are claimed with a conditional put; endorsements hold a lock item per
 * organisation name, so one organisation is listed once whatever the concurrency. The adapter of
 * `@concord/publication`'s `PublicationStore` port.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Endorsement, Publication } from '@concord/core';
import type { PublicationRecord, PublicationStore } from '@concord/publication/ports';
import { ulid } from 'ulid';
import { publicationKeys } from './keys.ts';
import { joinBytes, splitBytes } from './parts.ts';
import { deleteIf, getOne, key, putIfAbsent, putItem, queryPrefix, updateIf, type Item } from './requests.ts';
import { tableDefinition } from './table-definition.ts';

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
  const put = (item: Item) => putItem({ client, tableName, item });
  const getItem = (k: Record<string, string>) => getOne({ client, tableName, key: k });
  /** A conditional update of the record: false when it was not in the state `condition` asks for. */
  const updateRecord = (statementId: string, input: { update: string; condition: string; values: Record<string, unknown>; names?: Record<string, string> }) =>
    updateIf({ client, tableName, key: recordKey(statementId), ...input });

  async function full(statementId: string): Promise<Publication | null> {
    const item = await getItem(recordKey(statementId));
    if (!item) return null;
    const parts = await queryPrefix({ client, tableName, pk: publicationKeys.pk(statementId), prefix: publicationKeys.bodyPrefix(String(item.attempt)) });
    const body = JSON.parse(decoder.decode(joinBytes(parts.map((p) => p.part as Uint8Array)))) as Snapshot;
    return { ...recordFrom(item), ...body };
  }

  return {
    async claimSlug({ slug, statementId }) {
      const slugKey = key(publicationKeys.slug(slug));
      const claimed = await putIfAbsent({ client, tableName, item: { ...slugKey, slug, statementId } });
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
      return putIfAbsent({
        client,
        tableName,
        item: {
          ...recordKey(statementId),
          statementId,
          ...record,
          attempt,
          [gsi1.partitionKey]: publicationKeys.all,
          [gsi1.sortKey]: publicationKeys.entry({ publishedAt: publication.publishedAt, statementId }),
        },
      });
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
      return (await queryPrefix({ client, tableName, index: 'gsi1', pk: publicationKeys.all, descending: true })).map(recordFrom);
    },

    async withdraw({ statementId, withdrawn }) {
      return updateRecord(statementId, {
        update: 'SET #status = :withdrawn, withdrawn = :w',
        condition: '#status = :published',
        names: { '#status': 'status' },
        values: { ':withdrawn': 'withdrawn', ':published': 'published', ':w': withdrawn },
      });
    },

    async setSignOn({ statementId, signOn }) {
      return updateRecord(statementId, { update: 'SET signOn = :s', condition: '#status = :published', names: { '#status': 'status' }, values: { ':s': signOn, ':published': 'published' } });
    },

    async closeSignOn({ statementId, now }) {
      return updateRecord(statementId, {
        update: 'SET signOn.closedAt = :now',
        condition: 'attribute_type(signOn, :map) AND signOn.closedAt = :null AND signOn.closesAt > :now',
        values: { ':now': now, ':null': null, ':map': 'M' },
      });
    },

    async addEndorsement(endorsement) {
      const pk = publicationKeys.pk(endorsement.statementId);
      const locked = await putIfAbsent({ client, tableName, item: { ...key({ pk, sk: publicationKeys.nameLock(endorsement.key) }), endorsementId: endorsement.id } });
      if (!locked) return false;
      await put({ ...key({ pk, sk: publicationKeys.endorsement(endorsement.id) }), ...endorsement });
      return true;
    },

    async endorsements(statementId) {
      return (await queryPrefix({ client, tableName, pk: publicationKeys.pk(statementId), prefix: publicationKeys.endorsementPrefix })).map(endorsementFrom);
    },

    async decide({ statementId, endorsementId, status, by, now }) {
      const pk = publicationKeys.pk(statementId);
      const result = await updateIf({
        client,
        tableName,
        key: key({ pk, sk: publicationKeys.endorsement(endorsementId) }),
        update: 'SET #status = :status, decidedAt = :now, decidedBy = :by',
        condition: '#status = :pending',
        names: { '#status': 'status' },
        values: { ':status': status, ':now': now, ':by': by, ':pending': 'pending' },
      });
      if (result && status === 'rejected') {
        const endorsement = (await getItem(key({ pk, sk: publicationKeys.endorsement(endorsementId) }))) as Item;
        // A rejected entry (a mistake, an impostor) must not keep the real organisation from endorsing.
        await deleteIf({ client, tableName, key: key({ pk, sk: publicationKeys.nameLock(String(endorsement.key)) }), condition: 'endorsementId = :id', values: { ':id': endorsementId } });
      }
      return result;
    },
  };
}
