import { describe, expect, it } from 'vitest';
import { createSecretBox, generateSecretKey } from './secret-box.ts';

describe('createSecretBox', () => {
  it('opens what it sealed, and seals the same secret differently each time', async () => {
    const box = await createSecretBox({ keyBase64: generateSecretKey() });
    const secret = new Uint8Array([1, 2, 3, 4, 5]);
    const a = await box.seal(secret);
    const b = await box.seal(secret);
    expect(a.data).not.toBe(b.data);
    expect([...(await box.open(a))]).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses to open with another key or after tampering', async () => {
    const sealed = await (await createSecretBox({ keyBase64: generateSecretKey() })).seal(new Uint8Array([9]));
    await expect((await createSecretBox({ keyBase64: generateSecretKey() })).open(sealed)).rejects.toThrow();
    const box = await createSecretBox({ keyBase64: generateSecretKey() });
    const mine = await box.seal(new Uint8Array([9]));
    const flipped = mine.data.startsWith('A') ? `B${mine.data.slice(1)}` : `A${mine.data.slice(1)}`;
    await expect(box.open({ ...mine, data: flipped })).rejects.toThrow();
  });

  it('needs a 32-byte key', async () => {
    await expect(createSecretBox({ keyBase64: 'c2hvcnQ=' })).rejects.toThrow(/32 bytes/);
  });
});
