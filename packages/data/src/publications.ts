/**
 * Published declarations on the one table (layout: `publicationKeys`). Publishing is "once": the
 * record is put with `attribute_not_exists`, after the snapshot it points to was written under a
 * fresh attempt id, so a lost race leaves only unreferenced parts and never changes what the
 * winner published. Slugs are claimed with a conditional put; endorsements hold a lock item per
 * organisation name, so one organisation is listed once whatever the concurrency. The adapter of
 * `@concord/publication`'s `PublicationStore` port.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Publication } from '@concord/core';
import type { PublicationStore } from '@concord/publication/ports';
import { ulid } from 'ulid';
import { binary, text } from './fields.ts';
import { publicationKeys } from './keys.ts';
import { joinBytes, splitBytes } from './parts.ts';
import { endorsementFrom, recordFrom, snapshotFrom, type Snapshot } from './publication-shapes.ts';
import { deleteIf, getOne, key, putIfAbsent, putItem, queryPrefix, updateIf, type Item } from './requests.ts';
import { tableDefinition } from './table-definition.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

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
    const parts = await queryPrefix({ client, tableName, pk: publicationKeys.pk(statementId), prefix: publicationKeys.bodyPrefix(text(item, 'attempt')) });
    const json = decoder.decode(joinBytes(parts.map((part) => binary(part, 'part'))));
    return { ...recordFrom(item), ...snapshotFrom({ item, json }) };
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
      const decided = await updateIf({
        client,
        tableName,
        key: key({ pk, sk: publicationKeys.endorsement(endorsementId) }),
        update: 'SET #status = :status, decidedAt = :now, decidedBy = :by',
        condition: '#status = :pending',
        names: { '#status': 'status' },
        values: { ':status': status, ':now': now, ':by': by, ':pending': 'pending' },
        returning: 'ALL_NEW',
      });
      if (decided && status === 'rejected') {
        // A rejected entry (a mistake, an impostor) must not keep the real organisation from endorsing.
        await deleteIf({ client, tableName, key: key({ pk, sk: publicationKeys.nameLock(text(decided, 'key')) }), condition: 'endorsementId = :id', values: { ':id': endorsementId } });
      }
      return decided !== null;
    },
  };
}
