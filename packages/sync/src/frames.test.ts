import { toBase64 } from 'lib0/buffer';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import {
  BATCH_MAX_MESSAGES,
  CHUNK_MAX_COUNT,
  CHUNK_RAW_BYTES,
  decodeFrame,
  encodeError,
  encodeMessage,
  encodeMessages,
  FRAME_MAX_BYTES,
  joinChunks,
  type Frame,
} from './frames.ts';
import { rejoin, sameBytes } from './testing/fixtures.ts';

const bytes = (length: number, seed = length): Uint8Array => prng.uint8Array(prng.create(seed), length);
const b64 = (length: number): string => toBase64(bytes(length));

function decodeAll(frames: readonly string[], maxChunks?: number): Frame[] {
  return frames.map((frame) => {
    const decoded = decodeFrame(frame, { maxChunks });
    if (!decoded) throw new Error(`frame did not decode: ${frame.slice(0, 40)}`);
    return decoded;
  });
}

describe('encodeMessage', () => {
  it('carries a small message whole, as one base64 `m` frame', () => {
    const data = bytes(300);
    const frames = encodeMessage({ data, messageId: 'abc' });
    expect(frames).toHaveLength(1);
    expect(frames[0]).toBe('m' + toBase64(data));
    expect(decodeFrame(frames[0]!)).toEqual({ kind: 'message', data });
  });

  it('carries an empty message as an empty `m` frame', () => {
    const frames = encodeMessage({ data: new Uint8Array(0), messageId: 'abc' });
    expect(frames).toEqual(['m']);
    expect(decodeFrame('m')).toEqual({ kind: 'message', data: new Uint8Array(0) });
  });

  it('keeps a message of exactly CHUNK_RAW_BYTES whole and chunks one byte more', () => {
    expect(encodeMessage({ data: bytes(CHUNK_RAW_BYTES), messageId: 'a1' })).toHaveLength(1);
    const frames = encodeMessage({ data: bytes(CHUNK_RAW_BYTES + 1), messageId: 'a1' });
    expect(frames).toHaveLength(2);
    expect(frames.every((frame) => frame.startsWith('ca1.'))).toBe(true);
  });

  it.each([
    ['200 KB', 200 * 1024],
    ['1 MB', 1024 * 1024],
  ])('splits a %s message into numbered chunks of at most 32 KB that rejoin exactly', (_, size) => {
    const data = bytes(size);
    const frames = encodeMessage({ data, messageId: 'Zz09Zz09Zz09Zz09' });
    const count = Math.ceil(size / CHUNK_RAW_BYTES);
    expect(frames).toHaveLength(count);
    for (const frame of frames) expect(frame.length).toBeLessThanOrEqual(FRAME_MAX_BYTES);
    const decoded = decodeAll(frames, count);
    expect(decoded.map((f) => (f.kind === 'chunk' ? [f.messageId, f.index, f.count] : f.kind))).toEqual(
      Array.from({ length: count }, (_, index) => ['Zz09Zz09Zz09Zz09', index, count]),
    );
    const parts = decoded.map((f) => (f.kind === 'chunk' ? f.data : new Uint8Array(0)));
    expect(sameBytes(joinChunks(parts), data)).toBe(true);
  });
});

describe('decodeFrame', () => {
  it('accepts a full chunk with the longest header, which still fits in one frame', () => {
    const frame = `c${'x'.repeat(16)}.9998.9999.${b64(CHUNK_RAW_BYTES)}`;
    expect(frame.length).toBeLessThanOrEqual(FRAME_MAX_BYTES);
    expect(decodeFrame(frame, { maxChunks: 9999 })).toMatchObject({ kind: 'chunk', index: 9998, count: 9999 });
  });

  it('accepts up to maxChunks chunks and no more', () => {
    expect(decodeFrame(`cabc.0.3.${b64(10)}`, { maxChunks: 3 })).toMatchObject({ kind: 'chunk', count: 3 });
    expect(decodeFrame(`cabc.0.4.${b64(10)}`, { maxChunks: 3 })).toBeNull();
    expect(decodeFrame(`cabc.0.${CHUNK_MAX_COUNT}.${b64(10)}`)).toMatchObject({ count: CHUNK_MAX_COUNT });
  });

  it.each<[string, unknown]>([
    ['an empty frame', ''],
    ['an unknown prefix', 'x' + b64(12)],
    ['an upper-case prefix', 'M' + b64(12)],
    ['base64 with characters outside the alphabet', 'mAB*D'],
    ['base64 that is not a multiple of four characters', 'mAAA'],
    ['base64 with three padding characters', 'mA==='],
    ['base64 with padding in the middle', 'mAA=AAAA'],
    ['a chunk whose index equals its count', `cabc.3.3.${b64(12)}`],
    ['a chunk whose index exceeds its count', `cabc.7.3.${b64(12)}`],
    ['a chunk of a one-chunk message', `cabc.0.1.${b64(12)}`],
    ['a chunk of zero chunks', `cabc.0.0.${b64(12)}`],
    ['a chunk count above the default maxChunks', `cabc.0.${CHUNK_MAX_COUNT + 1}.${b64(12)}`],
    ['a chunk without data', 'cabc.0.2.'],
    ['a chunk carrying more than CHUNK_RAW_BYTES', `cabc.0.2.${b64(CHUNK_RAW_BYTES + 3)}`],
    ['a chunk without a message id', `c.0.2.${b64(12)}`],
    ['a chunk with a message id longer than 16 characters', `c${'a'.repeat(17)}.0.2.${b64(12)}`],
    ['a chunk with a message id outside [A-Za-z0-9]', `ca-b.0.2.${b64(12)}`],
    ['a chunk with bad base64', 'cabc.0.2.AAA'],
    ['a frame over 32 KB', 'm' + b64(24_600)],
    ['an error frame without a code', 'e.reason'],
    ['an error frame with a non-numeric code', 'eabc.reason'],
    ['an error frame without a dot', 'e4400'],
    ['a number', 4400],
    ['null', null],
    ['undefined', undefined],
    ['bytes', new Uint8Array([109, 65, 65, 61, 61])],
  ])('returns null for %s', (_, frame) => {
    expect(decodeFrame(frame as string)).toBeNull();
  });

  it('decodes an error frame, keeping dots in its reason', () => {
    const frame = encodeError({ code: 4400, reason: 'sync.frame-malformed' });
    expect(frame).toBe('e4400.sync.frame-malformed');
    expect(decodeFrame(frame)).toEqual({ kind: 'error', code: 4400, reason: 'sync.frame-malformed' });
  });

  it('decodes an error frame with an empty reason', () => {
    expect(decodeFrame(encodeError({ code: 4500, reason: '' }))).toEqual({ kind: 'error', code: 4500, reason: '' });
  });
});

describe('joinChunks', () => {
  it('concatenates chunks in the order given', () => {
    const joined = joinChunks([new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3])]);
    expect(joined).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe('encodeMessages', () => {
  let sequence = 0;
  const newMessageId = () => `id${(sequence += 1)}`;

  it('packs the messages of one tick into one `b` frame that decodes to them in order', () => {
    const messages = [bytes(40, 1), bytes(7, 2), bytes(300, 3)];
    const frames = encodeMessages({ messages, newMessageId });
    expect(frames).toHaveLength(1);
    expect(frames[0]!.startsWith('b')).toBe(true);
    expect(decodeFrame(frames[0]!)).toEqual({ kind: 'batch', messages });
  });

  it('sends a lone message as `m` and a large one as its own chunks, keeping the order', () => {
    const small = bytes(10, 4);
    const large = bytes(CHUNK_RAW_BYTES + 10, 5);
    const frames = encodeMessages({ messages: [small, large, small], newMessageId });
    expect(frames.map((f) => f[0])).toEqual(['m', 'c', 'c', 'm']);
    const decoded = decodeAll(frames);
    expect(sameBytes((decoded[0] as { data: Uint8Array }).data, small)).toBe(true);
    expect(rejoin(frames.slice(1, 3)).map((m) => sameBytes(m, large))).toEqual([true]);
  });

  it('starts a new frame past BATCH_MAX_MESSAGES or the raw frame size', () => {
    const many = Array.from({ length: BATCH_MAX_MESSAGES + 1 }, (_, i) => bytes(5, i));
    expect(encodeMessages({ messages: many, newMessageId }).map((f) => f[0])).toEqual(['b', 'm']);
    const halves = [bytes(CHUNK_RAW_BYTES / 2, 1), bytes(CHUNK_RAW_BYTES / 2, 2)];
    expect(encodeMessages({ messages: halves, newMessageId }).map((f) => f[0])).toEqual(['m', 'm']);
  });

  it('refuses batch frames that are truncated, hold one message, or too many', () => {
    const one = 'b' + toBase64(new Uint8Array([2, 9, 9]));
    const truncated = 'b' + toBase64(new Uint8Array([2, 9, 9, 5, 1]));
    const tooMany = encodeMessages({ messages: Array.from({ length: BATCH_MAX_MESSAGES }, () => bytes(1)), newMessageId })[0]!;
    const payload = new Uint8Array([...Buffer.from(tooMany.slice(1), 'base64'), 1, 7]);
    expect(decodeFrame(one)).toBeNull();
    expect(decodeFrame(truncated)).toBeNull();
    expect(decodeFrame('b' + toBase64(payload))).toBeNull();
    expect(decodeFrame('b!!')).toBeNull();
  });
});
