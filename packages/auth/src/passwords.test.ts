import { describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hash with argon2id and verify only the right password', async () => {
    const hash = await hashPassword('a long enough passphrase');
    expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await verifyPassword({ hash, password: 'a long enough passphrase' })).toBe(true);
    expect(await verifyPassword({ hash, password: 'a long enough passphrasE' })).toBe(false);
  });

  it('salt every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treat a malformed hash as a wrong password, and the decoy as matching nothing', async () => {
    expect(await verifyPassword({ hash: 'not a hash', password: 'x' })).toBe(false);
    expect(await verifyPassword({ hash: await decoyHash(), password: '' })).toBe(false);
  });
});
