/**
 * The VersionStore port of `@concord/versions` on DynamoDB: partition `VER#<docId>`, one item per
 * version (`V#<seq:8>`), its state (`Y.encodeStateAsUpdateV2`) in parts of at most 300 KB under
 * `S#<seq:8>#<attempt>#<i:4>`. Without transactions the version item is the lock: the parts
 * are written first under a fresh attempt id, then the item is put with `attribute_not_exists`
 * on its number. Of two writers racing for one number exactly one is stored; the other removes
 * its parts, reads the new latest version and tries the next number. Versions are never updated
 * or deleted. A name is unique per statement: a named version is checked against every version
 * read before its number was claimed.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fail } from '@concord/core';
import { refuseTaken } from '@concord/versions/names';
import type { NewVersion, StoredVersion, Version, VersionStore } from '@concord/versions/ports';
import { actedBy, binary, list, map, mapOr, number, numOr, oneOf, strOr, text } from './fields.ts';
import { versionKeys } from './keys.ts';
import { joinBytes, splitBytes } from './parts.ts';
import { deleteAll, getOne, key, putIf, putItem, queryPrefix, type Item } from './requests.ts';
import { tableDefinition } from './table-definition.ts';

const defaultMaxAttempts = 50;

export function createVersionStore(options: {
  client: DynamoDBDocumentClient;
  tableName: string;
  maxAttempts?: number;
  /** A number in [0, 1) for attempt ids and retry jitter; defaults to `Math.random`. */
  random?: () => number;
}): VersionStore {
  const { client, tableName } = options;
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const random = options.random ?? Math.random;

  const newest = (input: { docId: string; limit?: number }): Promise<Item[]> =>
    queryPrefix({ client, tableName, pk: versionKeys.pk(input.docId), prefix: versionKeys.versionPrefix, descending: true, limit: input.limit });

  async function writeParts(input: { docId: string; seq: number; attempt: string; state: Uint8Array }): Promise<number> {
    const pieces = splitBytes({ bytes: input.state });
    await Promise.all(
      pieces.map((bytes, index) =>
        putItem({ client, tableName, item: { ...key({ pk: versionKeys.pk(input.docId), sk: versionKeys.statePart({ ...input, index }) }), bytes, part: index } }),
      ),
    );
    return pieces.length;
  }

  async function removeParts(input: { docId: string; seq: number; attempt: string; parts: number }): Promise<void> {
    const keys = Array.from({ length: input.parts }, (_, index) => key({ pk: versionKeys.pk(input.docId), sk: versionKeys.statePart({ ...input, index }) }));
    await deleteAll({ client, tableName, keys });
  }

  async function append(input: { docId: string; version: NewVersion; state: Uint8Array; when?: (latest: Version | null) => boolean }): Promise<Version | null> {
    const { docId, state } = input;
    for (let round = 0; round < maxAttempts; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, random() * Math.min(2 ** round, 50)));
      // A named version is checked against every version before it (items only, no states):
      // its number's conditional put then proves none was stored in between.
      const name = input.version.kind === 'named' ? input.version.name : null;
      const before = (await newest({ docId, limit: name === null ? 1 : undefined })).map(versionFrom);
      const latest = before[0] ?? null;
      if (input.when && !input.when(latest)) return null;
      if (name !== null) refuseTaken(before, name);
      const version: Version = { ...input.version, docId, seq: (latest?.seq ?? 0) + 1, bytes: state.length };
      const attempt = attemptId(random);
      const parts = await writeParts({ docId, seq: version.seq, attempt, state });
      const item = { ...key({ pk: versionKeys.pk(docId), sk: versionKeys.version(version.seq) }), ...versionItem(version), attempt, parts };
      const stored = await putIf({ client, tableName, item, condition: 'attribute_not_exists(#sk)' });
      if (stored) return version;
      await removeParts({ docId, seq: version.seq, attempt, parts });
    }
    throw fail.conflict('versions.append-contended', `no version stored after ${maxAttempts} attempts`);
  }

  async function get(input: { docId: string; seq: number }): Promise<StoredVersion | null> {
    const pk = versionKeys.pk(input.docId);
    const item = await getOne({ client, tableName, key: key({ pk, sk: versionKeys.version(input.seq) }) });
    if (!item) return null;
    const parts = await queryPrefix({ client, tableName, pk, prefix: versionKeys.statePrefix({ seq: input.seq, attempt: text(item, 'attempt') }) });
    const expected = number(item, 'parts');
    // Parts are written before the item, so a stored version always has all of them.
    if (parts.length !== expected) throw new Error(`version ${input.seq} of ${input.docId} has ${parts.length} of ${expected} parts`);
    parts.sort((a, b) => String(a[tableDefinition.sortKey]).localeCompare(String(b[tableDefinition.sortKey])));
    return { ...versionFrom(item), state: joinBytes(parts.map((part) => binary(part, 'bytes'))) };
  }

  return {
    append,
    get,
    async latest({ docId }) {
      const item = (await newest({ docId, limit: 1 }))[0];
      return item ? versionFrom(item) : null;
    },
    async list({ docId, limit }) {
      if (limit !== undefined && limit <= 0) return [];
      return (await newest({ docId, limit })).map(versionFrom);
    },
  };
}

function attemptId(random: () => number): string {
  return Array.from({ length: 12 }, () => Math.floor(random() * 36).toString(36)).join('');
}

function versionItem(version: Version): Item {
  return {
    docId: version.docId,
    seq: version.seq,
    kind: version.kind,
    name: version.name,
    hash: version.hash,
    createdAt: version.createdAt,
    createdBy: version.createdBy,
    authors: version.authors,
    restoredFrom: version.restoredFrom,
    bytes: version.bytes,
  };
}

function versionFrom(item: Item): Version {
  const createdBy = mapOr(item, 'createdBy');
  return {
    docId: text(item, 'docId'),
    seq: number(item, 'seq'),
    kind: oneOf(item, 'kind', ['checkpoint', 'named']),
    name: strOr(item, 'name', null),
    hash: text(item, 'hash'),
    createdAt: number(item, 'createdAt'),
    createdBy: createdBy && actedBy(createdBy),
    authors: item.authors === undefined ? [] : list(item, 'authors', (authors, index) => actedBy(map(authors, index))),
    restoredFrom: numOr(item, 'restoredFrom', null),
    bytes: number(item, 'bytes'),
  };
}
