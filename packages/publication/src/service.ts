/**
 * Publishing an adopted version (issue 6): each act authorized by the core policy, checked by the
 * core rules, stored with conditional writes and audited. The snapshot is taken from what was
 * adopted — the closed call's version, its stored state — never from the live text.
 */
import {
  adoptionRecord,
  checkChosenSlug,
  checkPublicTitle,
  checkWithdrawalOfPublication,
  fail,
  slugBase,
  slugCandidate,
  textDirection,
  type Principal,
  type Publication,
  type StatementAction,
} from '@concord/core';
import { authorizedStatement } from '@concord/calls';
import { attestAdoption } from './attestation.ts';
import type { PublicationPorts } from './ports.ts';

const actedBy = (actor: Principal) => ({ userId: actor.userId, organisationId: actor.organisationId });
const maxSlugAttempts = 50;

/** The statement, if the actor may take `action` on it (unknown and hidden: 404). */
export async function authorizedFor(input: { ports: PublicationPorts; actor: Principal; statementId: string; action: StatementAction }) {
  return authorizedStatement(input);
}

/** The statement's adopted call, or null. */
export async function adoptedCall(input: { ports: PublicationPorts; statementId: string }) {
  const calls = await input.ports.calls.listByStatement(input.statementId);
  return calls.find((c) => c.status === 'closed' && c.outcome?.result === 'adopted') ?? null;
}

/** What the chair chooses at publication: the public title (default: the working title) and the slug (default: from that title). */
export interface PublicNaming {
  title?: string | null;
  slug?: string | null;
}

/** The title and slug a publication would take now, checked but not claimed: the form's preview. */
export async function previewPublication(input: { ports: PublicationPorts; actor: Principal; statementId: string; now: number } & PublicNaming) {
  const { ports } = input;
  const { statement } = await authorizedFor({ ...input, action: 'statement.publish' });
  const title = checkPublicTitle(input.title ?? statement.title);
  if (input.slug) {
    const slug = checkChosenSlug(input.slug);
    return { title, slug, chosen: true, available: !(await ports.publications.bySlug(slug)) };
  }
  const base = slugBase({ title, publishedAt: input.now });
  for (let attempt = 1; attempt <= maxSlugAttempts; attempt++) {
    const slug = slugCandidate({ base, attempt });
    if (!(await ports.publications.bySlug(slug))) return { title, slug, chosen: false, available: true };
  }
  return { title, slug: base, chosen: false, available: false };
}

/** Publishes the adopted version as a declaration, once, under the chair's public title and slug, its adoption record signed by the coalition. */
export async function publish(input: { ports: PublicationPorts; actor: Principal; statementId: string; now: number } & PublicNaming): Promise<Publication> {
  const { ports, actor, now } = input;
  const { statement } = await authorizedFor({ ...input, action: 'statement.publish' });
  if (await ports.publications.record(statement.id)) throw fail.conflict('publication.already-published', 'This statement is already published.');
  const call = await adoptedCall({ ports, statementId: statement.id });
  if (!call) throw fail.conflict('publication.not-adopted', 'Only an adopted version is published.');
  const title = checkPublicTitle(input.title ?? statement.title);
  const chosenSlug = input.slug ? checkChosenSlug(input.slug) : null;
  const stored = await ports.versions.get({ docId: statement.id, seq: call.version.seq });
  // The stored version must be the one adopted, byte for byte of its canonical text.
  if (!stored || stored.hash !== call.version.hash) throw fail.conflict('publication.version-missing', 'The adopted version cannot be found.');
  const organisations = await ports.directory.organisations(statement.coalitionId);
  const record = adoptionRecord({ call, names: new Map(organisations.map((o) => [o.id, o.name])) });
  const { html, plainText } = ports.render({ state: stored.state });
  const translations = await ports.translations.forPublication({ statementId: statement.id, versionHash: call.version.hash });
  const slug = chosenSlug
    ? await claimChosenSlug({ ports, statementId: statement.id, slug: chosenSlug })
    : await claimSlug({ ports, statementId: statement.id, base: slugBase({ title, publishedAt: now }) });
  const publication: Publication = {
    statementId: statement.id,
    coalitionId: statement.coalitionId,
    coalitionName: await ports.directory.coalitionName(statement.coalitionId),
    slug,
    title,
    language: statement.language,
    dir: textDirection(statement.language),
    version: call.version,
    html,
    plainText,
    record,
    translations,
    publishedAt: now,
    publishedBy: actedBy(actor),
    status: 'published',
    withdrawn: null,
    signOn: null,
    attestation: null,
  };
  publication.attestation = await attestAdoption({ keys: ports.keys, publication, now });
  if (!(await ports.publications.publish(publication))) throw fail.conflict('publication.already-published', 'This statement is already published.');
  await ports.audit.append({
    entry: {
      coalitionId: statement.coalitionId,
      at: now,
      actor: actedBy(actor),
      action: 'statement.published',
      subject: { kind: 'statement', id: statement.id },
      details: { slug, title, workingTitle: statement.title, callId: call.id, versionSeq: call.version.seq, versionName: call.version.name, versionHash: call.version.hash, translations: translations.length },
    },
  });
  return publication;
}

/** A slug the chair chose is claimed as is, or refused: another declaration's address never moves. */
async function claimChosenSlug(input: { ports: PublicationPorts; statementId: string; slug: string }): Promise<string> {
  if (await input.ports.publications.claimSlug({ slug: input.slug, statementId: input.statementId })) return input.slug;
  throw fail.conflict('publication.slug-taken', 'Another declaration has this address: choose another.');
}

async function claimSlug(input: { ports: PublicationPorts; statementId: string; base: string }): Promise<string> {
  for (let attempt = 1; attempt <= maxSlugAttempts; attempt++) {
    const slug = slugCandidate({ base: input.base, attempt });
    if (await input.ports.publications.claimSlug({ slug, statementId: input.statementId })) return slug;
  }
  throw fail.conflict('publication.slug-contended', 'No free address for this declaration: try again.');
}

/** Withdraws a declaration: the page stays, with the notice and the reason. */
export async function withdrawPublication(input: { ports: PublicationPorts; actor: Principal; statementId: string; reason: string; now: number }): Promise<void> {
  const { ports, actor, now } = input;
  const { statement } = await authorizedFor({ ...input, action: 'publication.withdraw' });
  const publication = await ports.publications.full(statement.id);
  if (!publication) throw fail.conflict('publication.not-published', 'This statement is not published.');
  const reason = checkWithdrawalOfPublication({ publication, reason: input.reason });
  if (!(await ports.publications.withdraw({ statementId: statement.id, withdrawn: { at: now, by: actor.userId, reason } }))) {
    throw fail.conflict('publication.already-withdrawn', 'This declaration was already withdrawn.');
  }
  await ports.audit.append({
    entry: { coalitionId: statement.coalitionId, at: now, actor: actedBy(actor), action: 'publication.withdrawn', subject: { kind: 'statement', id: statement.id }, details: { slug: publication.slug, reason } },
  });
}
