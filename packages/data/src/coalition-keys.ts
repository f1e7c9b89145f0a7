/**
 * Each coalition's Ed25519 signing key (its adoption records are signed with it): made when the
 * coalition first signs, put only if absent — two first signatures at once keep the one key that
 * won — its private half sealed with the server's secret box like the TOTP keys, so a copy of the
 * table alone cannot sign for a coalition. The adapter of `@concord/publication`'s `CoalitionKeys`
 * port: it keeps keys and signs bytes; what a coalition signs (the adoption record) is the
 * publication package's `attestation.ts`.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SecretBox } from '@concord/auth/secret-box';
import { generateSigningKey, signingKeyId, signMessage } from '@concord/auth/signing-keys';
import type { CoalitionKey, EncryptedSecret } from '@concord/core';
import type { CoalitionKeys } from '@concord/publication/ports';
import { entityKeys } from './keys.ts';
import { map, number, text } from './fields.ts';
import { getOne, key, putIfAbsent } from './requests.ts';

interface StoredKey extends CoalitionKey {
  privateKey: EncryptedSecret;
}

export function createCoalitionKeys(input: { client: DynamoDBDocumentClient; tableName: string; secretBox: SecretBox }): CoalitionKeys {
  const { client, tableName, secretBox } = input;
  const itemKey = (coalitionId: string) => key({ pk: entityKeys.signingKey.pk(coalitionId), sk: entityKeys.signingKey.sk });

  async function stored(coalitionId: string): Promise<StoredKey | null> {
    const item = await getOne({ client, tableName, key: itemKey(coalitionId) });
    if (!item) return null;
    const sealed = map(item, 'privateKey');
    return { coalitionId, publicKey: text(item, 'publicKey'), keyId: text(item, 'keyId'), createdAt: number(item, 'createdAt'), privateKey: { iv: text(sealed, 'iv'), data: text(sealed, 'data') } };
  }

  async function create(coalitionId: string, now: number): Promise<StoredKey> {
    const pair = generateSigningKey();
    const made: StoredKey = { coalitionId, publicKey: pair.publicKey, keyId: signingKeyId(pair.publicKey), createdAt: now, privateKey: await secretBox.seal(pair.privateKey) };
    if (await putIfAbsent({ client, tableName, item: { ...itemKey(coalitionId), ...made } })) return made;
    const winner = await stored(coalitionId);
    if (!winner) throw new Error('the coalition signing key vanished while it was being made');
    return winner;
  }

  return {
    async publicKey(coalitionId) {
      const found = await stored(coalitionId);
      return found ? { coalitionId, publicKey: found.publicKey, keyId: found.keyId, createdAt: found.createdAt } : null;
    },
    async sign({ coalitionId, message, now }) {
      const { privateKey, ...key } = (await stored(coalitionId)) ?? (await create(coalitionId, now));
      const signature = signMessage({ privateKey: await secretBox.open(privateKey), message });
      return { signature, key };
    },
  };
}

