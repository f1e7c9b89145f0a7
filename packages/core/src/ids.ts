/**
 * Prefixed, sortable ids (`stmt_01J…`): a prefix, then a ULID (48-bit time, 80 bits of randomness,
 * Crockford base32). Pure: the caller passes the time and the random bytes.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const IdPrefix = {
  coalition: 'coal',
  organisation: 'org',
  user: 'usr',
  statement: 'stmt',
  taskForce: 'tf',
  thread: 'thr',
  message: 'msg',
  amendment: 'amd',
  bracket: 'brk',
  alternative: 'alt',
} as const;
export type IdPrefix = (typeof IdPrefix)[keyof typeof IdPrefix];

/** Encodes `now` (ms) and 10 random bytes as a 26-character ULID. */
export function ulid(input: { now: number; random: Uint8Array }): string {
  if (input.random.length < 10) throw new RangeError('ulid needs 10 random bytes');
  let time = '';
  let t = Math.floor(input.now);
  for (let i = 0; i < 10; i++) {
    time = alphabet[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let bits = 0;
  let value = 0;
  let rand = '';
  for (let i = 0; i < 10; i++) {
    value = (value << 8) | (input.random[i] as number);
    bits += 8;
    while (bits >= 5) {
      rand += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return time + rand;
}

export function makeId(input: { prefix: IdPrefix; now: number; random: Uint8Array }): string {
  return `${input.prefix}_${ulid(input)}`;
}

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  return id.startsWith(`${prefix}_`) && /^[a-z]+_[0-9A-HJKMNP-TV-Z]{26}$/.test(id);
}
