/**
 * Declarations and endorsements ↔ items, read back field by field. A declaration published before
 * a field existed reads with its default: no `withdrawn`, `signOn` or `attestation` is null, and
 * an adoption record without `urgent` has none.
 */
import { Stance, type AdoptionRecord, type Attestation, type Endorsement, type Publication, type RecordedPosition } from '@concord/core';
import type { PublicationRecord } from '@concord/publication/ports';
import { procedureFrom, urgentFrom } from './call-shapes.ts';
import { actedBy, flag, list, map, mapOr, number, numOr, oneOf, strings, strOr, text } from './fields.ts';
import type { Item } from './requests.ts';

/** The immutable text of a declaration, stored as JSON in parts under the record's attempt. */
export type Snapshot = Pick<Publication, 'html' | 'plainText' | 'translations'>;

const directions = ['ltr', 'rtl'] as const;
const recordedStances = [...Object.values(Stance), 'silent'] as const;

function positionsFrom(item: Item, name: string): RecordedPosition[] {
  return list(item, name, (positions, index) => {
    const position = map(positions, index);
    return {
      organisationId: text(position, 'organisationId'),
      name: text(position, 'name'),
      stance: oneOf(position, 'stance', recordedStances),
      explanation: strOr(position, 'explanation', null),
    };
  });
}

function adoptionFrom(item: Item): AdoptionRecord {
  const record: AdoptionRecord = {
    callId: text(item, 'callId'),
    adoptedAt: number(item, 'adoptedAt'),
    procedure: procedureFrom(map(item, 'procedure')),
    endorsing: positionsFrom(item, 'endorsing'),
    reservations: positionsFrom(item, 'reservations'),
    explanations: positionsFrom(item, 'explanations'),
  };
  return item.urgent === undefined ? record : { ...record, urgent: urgentFrom(item) };
}

function signOnFrom(item: Item): Publication['signOn'] {
  const signOn = mapOr(item, 'signOn');
  return signOn && { openedAt: number(signOn, 'openedAt'), closesAt: number(signOn, 'closesAt'), outsiders: flag(signOn, 'outsiders'), closedAt: numOr(signOn, 'closedAt', null) };
}

function withdrawnFrom(item: Item): Publication['withdrawn'] {
  const withdrawn = mapOr(item, 'withdrawn');
  return withdrawn && { at: number(withdrawn, 'at'), by: text(withdrawn, 'by'), reason: text(withdrawn, 'reason') };
}

function attestationFrom(item: Item): Attestation | null {
  const attestation = mapOr(item, 'attestation');
  return attestation && { record: text(attestation, 'record'), signature: text(attestation, 'signature'), publicKey: text(attestation, 'publicKey'), keyId: text(attestation, 'keyId') };
}

export function recordFrom(item: Item): PublicationRecord {
  const version = map(item, 'version');
  return {
    statementId: text(item, 'statementId'),
    coalitionId: text(item, 'coalitionId'),
    coalitionName: text(item, 'coalitionName'),
    slug: text(item, 'slug'),
    title: text(item, 'title'),
    language: text(item, 'language'),
    dir: oneOf(item, 'dir', directions),
    version: { seq: number(version, 'seq'), name: text(version, 'name'), hash: text(version, 'hash') },
    record: adoptionFrom(map(item, 'record')),
    publishedAt: number(item, 'publishedAt'),
    publishedBy: actedBy(map(item, 'publishedBy')),
    status: oneOf(item, 'status', ['published', 'withdrawn']),
    withdrawn: withdrawnFrom(item),
    signOn: signOnFrom(item),
    attestation: attestationFrom(item),
  };
}

/** The text parsed from its parts' JSON, read as the record item's `body`. */
export function snapshotFrom(input: { item: Item; json: string }): Snapshot {
  const body = map({ ...input.item, body: JSON.parse(input.json) }, 'body');
  return {
    html: text(body, 'html'),
    plainText: text(body, 'plainText'),
    translations: list(body, 'translations', (translations, index) => {
      const translation = map(translations, index);
      return { language: text(translation, 'language'), dir: oneOf(translation, 'dir', directions), title: text(translation, 'title'), paragraphs: strings(translation, 'paragraphs') };
    }),
  };
}

export function endorsementFrom(item: Item): Endorsement {
  return {
    id: text(item, 'id'),
    statementId: text(item, 'statementId'),
    name: text(item, 'name'),
    key: text(item, 'key'),
    country: text(item, 'country'),
    contact: text(item, 'contact'),
    organisationId: strOr(item, 'organisationId', null),
    source: oneOf(item, 'source', ['form', 'import']),
    status: oneOf(item, 'status', ['pending', 'verified', 'rejected']),
    at: number(item, 'at'),
    decidedAt: numOr(item, 'decidedAt', null),
    decidedBy: strOr(item, 'decidedBy', null),
  };
}
