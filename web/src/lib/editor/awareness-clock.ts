/**
 * Reads the client ids and clocks out of a y-protocols awareness update without applying it, so
 * the editor can notice the server echoing its own awareness entry (see save-tracker.ts).
 *
 * Awareness update layout (lib0 encoding): varUint count, then per entry varUint clientID,
 * varUint clock, varString state JSON.
 */

/** Where a lib0 decoder stands: its bytes and read position (y-websocket hands these over). */
export interface ByteCursor {
  arr: Uint8Array;
  pos: number;
}

/** Reads a lib0 varUint (7 bits per byte, little end first) and advances the cursor. */
export function readVarUint(cursor: ByteCursor): number {
  let value = 0;
  let multiplier = 1;
  for (;;) {
    const byte = cursor.arr[cursor.pos++];
    if (byte === undefined) throw new RangeError('unexpected end of awareness update');
    value += (byte & 0x7f) * multiplier;
    if (byte < 0x80) return value;
    multiplier *= 128;
    if (multiplier > 2 ** 53) throw new RangeError('varUint too large');
  }
}

/** Reads a varUint length then that many bytes, advancing the cursor. */
export function readVarBytes(cursor: ByteCursor): Uint8Array {
  const length = readVarUint(cursor);
  const end = cursor.pos + length;
  if (end > cursor.arr.length) throw new RangeError('unexpected end of awareness update');
  const bytes = cursor.arr.subarray(cursor.pos, end);
  cursor.pos = end;
  return bytes;
}

/** Each client id in an awareness update with its clock. */
export function readAwarenessClocks(update: Uint8Array): Map<number, number> {
  const cursor: ByteCursor = { arr: update, pos: 0 };
  const clocks = new Map<number, number>();
  const count = readVarUint(cursor);
  for (let i = 0; i < count; i++) {
    const clientId = readVarUint(cursor);
    const clock = readVarUint(cursor);
    readVarBytes(cursor);
    clocks.set(clientId, clock);
  }
  return clocks;
}
