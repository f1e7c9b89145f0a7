/**
 * Demo data for publication: takes a seeded statement through its life as the hub would — a
 * named version, a consensus call closed as adopted (silence procedure, nobody broke silence),
 * publication, and the signatory list of the fixture imported — so the hub shows a public
 * declaration out of the box. Also used by tests to get an adopted statement.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretBox } from '@concord/auth';
import { makeId, openedCall, textDirection, type ConsensusCall, type Principal, type PublishedTranslation, type Statement } from '@concord/core';
import { createCallStore, createDocumentStore, createRepositories, createVersionStore } from '@concord/data';
import { createPublicationPorts } from '@concord/data/publication-wiring';
import { importSignatories, publish } from '@concord/publication';
import { markdownToYUpdate, renderMarkdown, renderState } from '@concord/text';
import { createVersionService } from '@concord/versions';
import type { SeededDirectory } from './seed.ts';

type Store = Parameters<typeof createCallStore>[0];

/**
 * Names the current text "Final" and records a call on it that closed as adopted at `now`; the text
 * stays frozen by that call, as `openCall` freezes it and an adopted close keeps it (issue 13: the
 * seeded adopted statement accepted typing).
 */
export async function adoptStatement(input: { store: Store; statement: Statement; chair: Principal; now: number; electorate?: string[] }): Promise<ConsensusCall> {
  const { store, statement, chair, now } = input;
  const by = { userId: chair.userId, organisationId: chair.organisationId };
  const versions = createVersionService({ documents: createDocumentStore(store), versions: createVersionStore(store) });
  const version = await versions.nameVersion({ docId: statement.id, name: 'Final', actor: by, now: now - 2_000 });
  const { hash } = version;
  const calls = createCallStore(store);
  const id = `call_${statement.id}_adopted`;
  if (!(await createDocumentStore(store).freeze({ docId: statement.id, by: id }))) throw new Error('the text is already frozen');
  await calls.create(
    openedCall({
      id,
      statementId: statement.id,
      coalitionId: statement.coalitionId,
      version: { seq: version.seq, name: 'Final', hash },
      procedure: { kind: 'silence' },
      deadline: now + 60_000,
      timeZone: 'UTC',
      resultsVisibility: 'after-close',
      electorate: input.electorate ?? [chair.organisationId],
      openedBy: { ...by, onBehalfOfChair: false },
      openedAt: now - 1_000,
    }),
  );
  const closed = await calls.close({ callId: id, by: chair.userId, now });
  if (!closed) throw new Error('the call did not close');
  await calls.settle({ callId: id });
  return closed;
}

/**
 * A translation from a Markdown fixture, paragraph-aligned as the translations work keeps them:
 * its first line (the heading) is the title, every other text block a paragraph.
 */
export function fixtureTranslation(input: { markdown: string; language: string }): PublishedTranslation {
  const [title = '', ...paragraphs] = renderMarkdown({ markdown: input.markdown }).plainText.split('\n');
  return { language: input.language, dir: textDirection(input.language), title, paragraphs };
}

/** Adopts, publishes and imports `signatories` (one a line): the demo's public declaration. */
export async function seedDeclaration(input: {
  store: Store;
  /** Seals the coalition's signing key (the host's `CONCORD_SECRET_KEY`). */
  secretBox: SecretBox;
  statement: Statement;
  chair: Principal;
  signatories: string;
  now: number;
  electorate?: string[];
  translations?: PublishedTranslation[];
  /** The audit chain's key (the host's, so the log it writes verifies). */
  auditKey: Uint8Array;
}): Promise<string> {
  await adoptStatement(input);
  const translations = input.translations ?? [];
  const ports = createPublicationPorts({ ...input.store, auditKey: input.auditKey, render: renderState, translations: { forPublication: async () => translations }, secretBox: input.secretBox });
  const publication = await publish({ ports, actor: input.chair, statementId: input.statement.id, now: input.now });
  await importSignatories({ ports, actor: input.chair, statementId: input.statement.id, text: input.signatories, now: input.now });
  return publication.slug;
}

/**
 * The demo's declaration: the English joint statement again, as its own statement titled without
 * its "Joint civil society statement:" prefix (the seeded draft keeps that title, and other demos
 * edit it), adopted by the member organisations' silence and published with its 124 signatories
 * and its Chinese translation (the fixture's, standing in for the translations work's own).
 */
export async function seedDemoDeclaration(input: { store: Store; secretBox: SecretBox; seeded: SeededDirectory; fixturesDir: string; now: number; auditKey: Uint8Array }): Promise<string | null> {
  const { seeded, now } = input;
  const chairOrganisation = seeded.organisations.find((o) => o.isChair);
  const chairUser = seeded.users.find((u) => u.organisationId === chairOrganisation?.id);
  if (!chairOrganisation || !chairUser) return null;
  const markdown = await readFile(join(input.fixturesDir, 'joint-statement-surveillance/en.md'), 'utf8');
  const signatories = await readFile(join(input.fixturesDir, 'joint-statement-surveillance/signatories.txt'), 'utf8');
  const chinese = await readFile(join(input.fixturesDir, 'joint-statement-surveillance/zh-TW.md'), 'utf8');
  const heading = markdown.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? 'Joint statement';
  const statement: Statement = {
    id: makeId({ prefix: 'stmt', now, random: crypto.getRandomValues(new Uint8Array(10)) }),
    coalitionId: seeded.coalition.id,
    title: heading.replace(/^Joint civil society statement:\s*/i, ''),
    language: 'en',
    visibility: { scope: 'coalition', taskForceId: null, advisory: true, observers: true },
    penHolderIds: [],
    advisoryParticipation: true,
    amendmentDecisions: 'editors',
    createdAt: now,
    updatedAt: now,
  };
  await createDocumentStore(input.store).appendUpdate({ docId: statement.id, update: markdownToYUpdate({ markdown }), origin: 'seed' });
  await createRepositories(input.store).statements.put(statement);
  const chair: Principal = {
    userId: chairUser.id,
    userName: chairUser.name,
    organisationId: chairOrganisation.id,
    organisationName: chairOrganisation.name,
    coalitionId: seeded.coalition.id,
    tier: chairOrganisation.tier,
    isChair: true,
    roles: chairUser.roles,
  };
  const electorate = seeded.organisations.filter((o) => o.tier === 'member').map((o) => o.id);
  const translations = [fixtureTranslation({ markdown: chinese, language: 'zh-TW' })];
  return seedDeclaration({ store: input.store, secretBox: input.secretBox, statement, chair, signatories, now, electorate, translations, auditKey: input.auditKey });
}
