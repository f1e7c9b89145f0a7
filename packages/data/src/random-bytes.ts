/**
 * Random bytes drawn from the system in blocks and handed out a few at a time. A new update's id
 * (a ULID: 16 random characters per millisecond) asked `crypto.getRandomValues` once a character
 * — a system call each, 3–4 % of the local host's event loop while people typed. The bytes are
 * the same CSPRNG's; only the calls are fewer.
 */
export function pooledRandomBytes(blockSize = 4096): (n: number) => Uint8Array {
  let block = new Uint8Array(0);
  let at = 0;
  return (n) => {
    if (at + n > block.length) {
      block = crypto.getRandomValues(new Uint8Array(Math.max(blockSize, n)));
      at = 0;
    }
    at += n;
    return block.slice(at - n, at);
  };
}
