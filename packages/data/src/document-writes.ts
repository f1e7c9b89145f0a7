/**
 * Writing one update's item(s). An update that fits is one item; a larger one is written in parts,
 * every part unsealed (with a TTL) first and then sealed, so a writer that dies half-way leaves an
 * invisible group (update-groups.ts).
 */
import type { DocumentContext } from './document-store.ts';
import { documentKeys, ttlSeconds } from './keys.ts';
import { splitBytes } from './parts.ts';
import { key, putItem, updateIf } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import { updateKey } from './update-groups.ts';

/** A split update's parts stay expirable garbage until sealed; an hour outlives any writer. */
const unsealedTtlMs = 60 * 60_000;

/** Writes one update without touching the head; answers its `StoredUpdate.key`. */
export async function writeUpdate(input: { context: DocumentContext; pk: string; update: Uint8Array; origin: string }): Promise<string> {
  const { context, pk, update, origin } = input;
  const id = context.newId();
  const pieces = splitBytes({ bytes: update });
  if (pieces.length === 1) {
    await putItem({ ...context, item: { ...key({ pk, sk: documentKeys.update(id) }), bytes: update, origin } });
  } else {
    await writeSplitUpdate({ context, pk, id, pieces, origin });
  }
  return updateKey({ id, parts: pieces.length });
}

/** Writes every part unsealed (expirable), then seals each: only then is the update visible. */
export async function writeSplitUpdate(input: { context: DocumentContext; pk: string; id: string; pieces: Uint8Array[]; origin: string }) {
  const { context, pk, id, pieces, origin } = input;
  const parts = pieces.length;
  const expires = ttlSeconds(context.now() + unsealedTtlMs);
  const partKey = (index: number) => key({ pk, sk: documentKeys.updatePart({ id, index }) });
  await Promise.all(pieces.map((bytes, index) => putItem({ ...context, item: { ...partKey(index), bytes, part: index, parts, origin, [tableDefinition.ttlAttribute]: expires } })));
  await Promise.all(
    pieces.map(async (_, index) => {
      if (!(await updateIf({ ...context, key: partKey(index), update: 'REMOVE #ttl', condition: 'attribute_exists(#sk)' }))) {
        throw new Error(`part ${index} of update ${id} vanished before it was sealed`);
      }
    }),
  );
}

