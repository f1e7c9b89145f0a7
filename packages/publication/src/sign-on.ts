/**
 * Sign-on after publication: the chair or secretariat opens and closes the window, verifies or
 * rejects endorsements and imports an existing list; anyone endorses while the window allows
 * (core `checkEndorsement`). Endorsements show only once verified; every act is audited.
 */
import {
  checkEndorsement,
  checkSignOnWindow,
  fail,
  nameKey,
  parseSignatoryList,
  type Endorsement,
  type EndorsementRequest,
  type Endorser,
  type Principal,
} from '@concord/core';
import type { PublicationPorts } from './ports.ts';
import { authorizedFor } from './service.ts';

const importConcurrency = 8;

const actedBy = (actor: Principal) => ({ userId: actor.userId, organisationId: actor.organisationId });

async function managedPublication(input: { ports: PublicationPorts; actor: Principal; statementId: string }) {
  const { statement } = await authorizedFor({ ...input, action: 'signon.manage' });
  const publication = await input.ports.publications.full(statement.id);
  if (!publication) throw fail.conflict('signon.not-published', 'Only a published declaration takes endorsements.');
  return publication;
}

async function audit(input: { ports: PublicationPorts; actor: Principal | null; coalitionId: string; statementId: string; action: string; now: number; details: Record<string, string | number | boolean | null> }) {
  await input.ports.audit.append({
    entry: { coalitionId: input.coalitionId, at: input.now, actor: input.actor ? actedBy(input.actor) : null, action: input.action, subject: { kind: 'statement', id: input.statementId }, details: input.details },
  });
}

/** Opens (or reopens) the sign-on window until `closesAt`. */
export async function openSignOn(input: { ports: PublicationPorts; actor: Principal; statementId: string; closesAt: number; outsiders: boolean; now: number }): Promise<void> {
  const { ports, now } = input;
  const publication = await managedPublication(input);
  checkSignOnWindow({ publication, closesAt: input.closesAt, now });
  const signOn = { openedAt: now, closesAt: input.closesAt, outsiders: input.outsiders, closedAt: null };
  if (!(await ports.publications.setSignOn({ statementId: publication.statementId, signOn }))) {
    throw fail.conflict('signon.not-published', 'Only a published declaration takes endorsements.');
  }
  await audit({ ...input, coalitionId: publication.coalitionId, action: 'signon.opened', details: { closesAt: input.closesAt, outsiders: input.outsiders } });
}

/** Closes the window before its end. */
export async function closeSignOn(input: { ports: PublicationPorts; actor: Principal; statementId: string; now: number }): Promise<void> {
  const publication = await managedPublication(input);
  if (!(await input.ports.publications.closeSignOn({ statementId: publication.statementId, now: input.now }))) {
    throw fail.conflict('signon.closed', 'This declaration is not taking endorsements.');
  }
  await audit({ ...input, coalitionId: publication.coalitionId, action: 'signon.closed', details: {} });
}

/**
 * Records an endorsement, pending verification. `endorser` is decided by the caller from who is
 * signed in: a member organisation of the declaration's coalition endorses as itself.
 */
export async function endorse(input: { ports: PublicationPorts; slug: string; endorser: Endorser; request: EndorsementRequest; now: number }): Promise<Endorsement> {
  const { ports, now } = input;
  const publication = await ports.publications.bySlug(input.slug);
  if (!publication) throw fail.notFound('publication.not-found', 'No such declaration.');
  const checked = checkEndorsement({ publication, endorser: input.endorser, request: input.request, now });
  const endorsement: Endorsement = {
    id: ports.newId(),
    statementId: publication.statementId,
    ...checked,
    source: 'form',
    status: 'pending',
    at: now,
    decidedAt: null,
    decidedBy: null,
  };
  if (!(await ports.publications.addEndorsement(endorsement))) throw fail.conflict('signon.already-endorsed', 'This organisation has already endorsed the declaration.');
  await audit({
    ports,
    actor: null,
    coalitionId: publication.coalitionId,
    statementId: publication.statementId,
    action: 'signon.endorsed',
    now,
    details: { endorsementId: endorsement.id, name: endorsement.name, member: endorsement.organisationId !== null },
  });
  return endorsement;
}

/** Verifies (it then shows, dated) or rejects a pending endorsement. */
export async function decideEndorsement(input: { ports: PublicationPorts; actor: Principal; statementId: string; endorsementId: string; decision: 'verified' | 'rejected'; now: number }): Promise<void> {
  const publication = await managedPublication(input);
  const done = await input.ports.publications.decide({ statementId: publication.statementId, endorsementId: input.endorsementId, status: input.decision, by: input.actor.userId, now: input.now });
  if (!done) throw fail.conflict('signon.not-pending', 'This endorsement was already decided.');
  await audit({ ...input, coalitionId: publication.coalitionId, action: `signon.${input.decision}`, details: { endorsementId: input.endorsementId } });
}

/**
 * Imports an existing signatory list (one organisation a line) as verified endorsements dated
 * now, skipping names already listed; returns how many were added and which were skipped.
 */
export async function importSignatories(input: { ports: PublicationPorts; actor: Principal; statementId: string; text: string; now: number }): Promise<{ added: number; skipped: string[] }> {
  const { ports, actor, now } = input;
  const publication = await managedPublication(input);
  if (publication.status !== 'published') throw fail.conflict('signon.not-published', 'Only a published declaration takes endorsements.');
  const { names, duplicates } = parseSignatoryList(input.text);
  if (names.length === 0) throw fail.input('input.signatories', 'Give at least one organisation, one a line.');
  // Ids are taken in list order first (monotonic: the list shows in this order), then written a few at a time.
  const endorsements: Endorsement[] = names.map((name) => ({
    id: ports.newId(),
    statementId: publication.statementId,
    name,
    key: nameKey(name),
    country: '',
    contact: '',
    organisationId: null,
    source: 'import',
    status: 'verified',
    at: now,
    decidedAt: now,
    decidedBy: actor.userId,
  }));
  const stored: boolean[] = [];
  for (let i = 0; i < endorsements.length; i += importConcurrency) {
    stored.push(...(await Promise.all(endorsements.slice(i, i + importConcurrency).map((e) => ports.publications.addEndorsement(e)))));
  }
  const added = stored.filter(Boolean).length;
  const skipped = [...duplicates, ...names.filter((_, index) => !stored[index])];
  await audit({ ...input, coalitionId: publication.coalitionId, action: 'signon.imported', details: { added, skipped: skipped.length } });
  return { added, skipped };
}
