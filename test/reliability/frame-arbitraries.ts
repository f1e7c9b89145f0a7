/**
 * fast-check arbitraries for hostile frames: what a broken or malicious client could put on the
 * socket. Frame level (garbage text, bad base64, oversized, non-strings), message level (random
 * bytes, truncated varints, huge declared lengths, wrong message types and sync steps, garbage or
 * corrupted updates and state vectors), awareness (other clients' ids, bad or huge states, huge
 * counts) and the chunk protocol (bad counts, duplicate and out-of-range indices, counts that
 * disagree, messages never finished, chunks assembling garbage or more than the limit).
 */
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function bytesOf(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A real update (a few words typed into a fresh document), to corrupt. */
function sampleUpdate(seed: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, `sample ${seed} `.repeat(1 + (seed % 4)));
  if (seed % 3 === 0) doc.getText('text').delete(0, 3);
  return Y.encodeStateAsUpdate(doc);
}

const hugeNumber = fc.constantFrom(2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 40, Number.MAX_SAFE_INTEGER);
/** Bytes that all carry the continuation bit: a varint that never ends. */
const truncatedVarint = fc.uint8Array({ minLength: 1, maxLength: 8 }).map((bytes) => bytes.map((b) => b | 0x80));
const smallBytes = fc.uint8Array({ maxLength: 48 });

const corruptedUpdate = fc.tuple(fc.nat(50), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean()).map(([seed, at, value, truncate]) => {
  const update = sampleUpdate(seed);
  const index = at % update.length;
  if (truncate) return update.subarray(0, index);
  const copy = update.slice();
  copy[index] = value;
  return copy;
});

const syncMessage = (step: number, payload: Uint8Array) =>
  bytesOf((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });

/** Awareness updates: the victim's or random client ids, odd clocks, states good and bad. */
export const awarenessUpdate = (otherClientIds: readonly number[]) => {
  const state = fc.oneof(
    fc.constant('null'),
    fc.json({ maxDepth: 2 }),
    fc.constant('{"user":{"name":"Impostor","organisation":"Someone Else"}}'),
    fc.constant(`{"pad":"${'x'.repeat(9_000)}"}`),
    fc.string({ maxLength: 20 }),
  );
  const clientId = otherClientIds.length > 0 ? fc.oneof(fc.constantFrom(...otherClientIds), fc.nat()) : fc.nat();
  const entry = fc.tuple(clientId, fc.oneof(fc.nat(5), fc.nat()), state);
  return fc.oneof(
    fc.array(entry, { maxLength: 3 }).map((entries) =>
      bytesOf((e) => {
        encoding.writeVarUint(e, entries.length);
        for (const [id, clock, json] of entries) {
          encoding.writeVarUint(e, id);
          encoding.writeVarUint(e, clock);
          encoding.writeVarString(e, json);
        }
      }),
    ),
    hugeNumber.map((count) => bytesOf((e) => encoding.writeVarUint(e, count))),
    smallBytes,
  );
};

/** One protocol message's bytes, mostly malformed, sometimes valid but unwelcome. */
export const hostileMessage = (otherClientIds: readonly number[]) =>
  fc.oneof(
    smallBytes,
    truncatedVarint,
    fc.tuple(fc.integer({ min: 4, max: 300 }), smallBytes).map(([type, rest]) => Uint8Array.of(...bytesOf((e) => encoding.writeVarUint(e, type)), ...rest)),
    fc.tuple(fc.integer({ min: 3, max: 300 }), smallBytes).map(([step, rest]) => Uint8Array.of(0, ...bytesOf((e) => encoding.writeVarUint(e, step)), ...rest)),
    fc.tuple(fc.nat(2), hugeNumber, smallBytes).map(([step, length, rest]) => Uint8Array.of(0, step, ...bytesOf((e) => encoding.writeVarUint(e, length)), ...rest)),
    fc.tuple(fc.nat(2), truncatedVarint).map(([step, rest]) => Uint8Array.of(0, step, ...rest)),
    fc.tuple(fc.constantFrom(1, 2), fc.oneof(smallBytes, corruptedUpdate)).map(([step, update]) => syncMessage(step, update)),
    smallBytes.map((sv) => syncMessage(0, sv)),
    awarenessUpdate(otherClientIds).map((update) => bytesOf((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update)))),
    fc.tuple(hugeNumber, smallBytes).map(([length, rest]) => Uint8Array.of(1, ...bytesOf((e) => encoding.writeVarUint(e, length)), ...rest)),
    smallBytes.map((rest) => Uint8Array.of(2, ...rest)),
    smallBytes.map((rest) => Uint8Array.of(3, ...rest)),
  );

const messageId = fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,16}$/), fc.string({ maxLength: 20 }));
const chunkNumber = fc.oneof(fc.nat(12), fc.constantFrom(175, 176, 9_999, 10_000), fc.string({ maxLength: 5 }));

/** Frames a client should never send, one at a time. */
export const hostileFrame = (otherClientIds: readonly number[]) =>
  fc.oneof(
    { weight: 6, arbitrary: hostileMessage(otherClientIds).map((bytes) => `m${toBase64(bytes)}`) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `m${s}`) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 42, { data: 'm' }, '', 'e4400.fake', `m${'A'.repeat(40_000)}`) },
    {
      weight: 2,
      arbitrary: fc.tuple(messageId, chunkNumber, chunkNumber, smallBytes).map(([id, index, count, data]) => `c${id}.${index}.${count}.${toBase64(data)}`),
    },
  );

/** A chunked message gone wrong: duplicate, missing or out-of-range parts, counts that disagree. */
export const chunkAbuse = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9]{1,16}$/),
    fc.integer({ min: 2, max: 6 }),
    fc.array(fc.tuple(fc.nat(8), fc.option(fc.integer({ min: 2, max: 7 }), { nil: undefined })), { minLength: 1, maxLength: 8 }),
    fc.oneof(smallBytes.filter((b) => b.length > 0), hostileMessage([]).filter((b) => b.length > 0)),
  )
  .map(([id, count, parts, payload]) =>
    parts.map(([index, otherCount]) => `c${id}.${index}.${otherCount ?? count}.${toBase64(payload.subarray(0, Math.max(1, payload.length)))}`),
  );

/** Frames of one message over the 4 MB limit (175 chunks of 24,000 bytes): closed as too large. */
export function oversizedMessage(id: string): string[] {
  const part = toBase64(new Uint8Array(24_000).fill(7));
  return Array.from({ length: 175 }, (_, index) => `c${id}.${index}.175.${part}`);
}
