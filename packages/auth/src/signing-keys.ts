/**
 * Ed25519 signing keys (a coalition signs its adoption records): generate, sign, verify. Node's
 * own crypto (OpenSSL), so a signature made here verifies with `openssl pkeyutl -verify -rawin`
 * and with any Ed25519 library. The private key leaves as PKCS#8 DER, to be sealed at rest
 * (`secret-box.ts`); the public key as PEM (SPKI), the form people download and tools read.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

export interface SigningKeyPair {
  /** PEM (SPKI): publish it. */
  publicKey: string;
  /** PKCS#8 DER: seal it before storing it. */
  privateKey: Uint8Array;
}

/** A fresh Ed25519 key pair. */
export function generateSigningKey(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' })),
  };
}

/** The Ed25519 signature of `message` (64 bytes, base64) with a PKCS#8 DER private key. */
export function signMessage(input: { privateKey: Uint8Array; message: Uint8Array }): string {
  const key = createPrivateKey({ key: Buffer.from(input.privateKey), format: 'der', type: 'pkcs8' });
  return sign(null, input.message, key).toString('base64');
}

/** Whether `signature` (base64) is `message`'s signature under the PEM public key; false for anything malformed. */
export function verifySignature(input: { publicKey: string; message: Uint8Array; signature: string }): boolean {
  try {
    const key = createPublicKey(input.publicKey);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, input.message, key, Buffer.from(input.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Hex SHA-256 of the public key's DER (SPKI): the key's fingerprint, as `openssl pkey -pubin -outform DER | sha256sum` gives it. */
export function signingKeyId(publicKey: string): string {
  const der = createPublicKey(publicKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}
