/**
 * The coalition's signature on a declaration's adoption record, made at publication: the record
 * is core's `adoptionStatement` of the declaration (canonical JSON), signed as UTF-8 bytes with
 * the coalition's key through the `CoalitionKeys` port. Anyone can check it with the public key
 * alone (the declaration's proof files; `openssl pkeyutl -verify -rawin`).
 */
import { adoptionStatement, type Attestation, type Publication } from '@concord/core';
import type { CoalitionKeys } from './ports.ts';

/** The declaration's adoption record signed by its coalition. */
export async function attestAdoption(input: { keys: CoalitionKeys; publication: Publication; now: number }): Promise<Attestation> {
  const record = adoptionStatement({ publication: input.publication });
  const { signature, key } = await input.keys.sign({ coalitionId: input.publication.coalitionId, message: new TextEncoder().encode(record), now: input.now });
  return { record, signature, publicKey: key.publicKey, keyId: key.keyId };
}
