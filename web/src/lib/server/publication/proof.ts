/**
 * What lets anyone check a declaration offline, years later: the plain text (its SHA-256 is the
 * hash on the page), the adoption record the coalition signed, the signature and the coalition's
 * public key — each a file of its own, byte for byte what was signed, and the commands to check
 * them (`sha256sum`, OpenSSL 3's `pkeyutl -rawin`).
 */
import { fail, type Publication } from '@concord/core';
import { exportFilename, type ExportedFile } from '@concord/export';

export const proofFiles = ['adoption.json', 'adoption.sig', 'key.pem'] as const;
export type ProofFile = (typeof proofFiles)[number];

const isProofFile = (value: string): value is ProofFile => (proofFiles as readonly string[]).includes(value);

/** The name a proof file is saved under: the slug first, so the files of one declaration sort together. */
export const proofFilename = (input: { slug: string; file: ProofFile }) => `${input.slug}-${input.file}`;

/** One of the proof files of a signed declaration; `not-found` for another name or an unsigned declaration. */
export function proofFile(input: { publication: Publication; file: string }): ExportedFile {
  const { attestation, slug } = input.publication;
  if (!attestation || !isProofFile(input.file)) throw fail.notFound('publication.proof-not-found', 'There is no such file for this declaration.');
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const bodies: Record<ProofFile, { body: Uint8Array<ArrayBuffer>; contentType: string }> = {
    'adoption.json': { body: utf8(attestation.record), contentType: 'application/json; charset=utf-8' },
    // The raw 64 bytes, as `openssl pkeyutl -sigfile` reads them (the JSON API gives them in base64).
    'adoption.sig': { body: new Uint8Array(Buffer.from(attestation.signature, 'base64')), contentType: 'application/octet-stream' },
    'key.pem': { body: utf8(attestation.publicKey), contentType: 'application/x-pem-file' },
  };
  return { ...bodies[input.file], filename: proofFilename({ slug, file: input.file }) };
}

/** The links and commands the page shows to check the text and, when signed, the signature. */
export function proofOf(publication: Publication) {
  const base = `/declarations/${encodeURIComponent(publication.slug)}`;
  const textFile = exportFilename({ title: publication.title, version: { ...publication.version, at: publication.publishedAt } }, 'txt');
  const name = (file: ProofFile) => proofFilename({ slug: publication.slug, file });
  return {
    text: { href: `${base}/export/txt`, filename: textFile, command: `sha256sum ${textFile}` },
    signature: publication.attestation
      ? {
          keyId: publication.attestation.keyId,
          publicKey: publication.attestation.publicKey,
          links: Object.fromEntries(proofFiles.map((file) => [file, { href: `${base}/proof/${file}`, filename: name(file) }])) as Record<ProofFile, { href: string; filename: string }>,
          command: `openssl pkeyutl -verify -pubin -inkey ${name('key.pem')} -rawin -in ${name('adoption.json')} -sigfile ${name('adoption.sig')}`,
        }
      : null,
  };
}
