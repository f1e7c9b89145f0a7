/**
 * Splitting byte strings that may exceed DynamoDB's 400 KB item limit into parts, and putting
 * them back together. Pure.
 */

/** Bytes per part: leaves room under 400 KB for keys and the other attributes of the item. */
export const maxPartBytes = 300 * 1024;

/**
 * Splits `bytes` into consecutive views of at most `partBytes` each. Always returns at least one
 * part (an empty input gives one empty part), so "how many parts" is never zero.
 */
export function splitBytes(input: { bytes: Uint8Array; partBytes?: number }): Uint8Array[] {
  const { bytes } = input;
  const partBytes = input.partBytes ?? maxPartBytes;
  if (!Number.isInteger(partBytes) || partBytes <= 0) throw new RangeError('partBytes must be a positive integer');
  const count = Math.max(1, Math.ceil(bytes.length / partBytes));
  return Array.from({ length: count }, (_, i) => bytes.subarray(i * partBytes, (i + 1) * partBytes));
}

/** Concatenates parts in the order given. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const joined = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
