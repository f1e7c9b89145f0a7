/**
 * Demo data for publication: takes a seeded statement through its life as the hub would — a
 * named version, a consensus call closed as adopted (silence procedure, nobody broke silence),
 * publication, and the signatory list of the fixture imported — so the hub shows a public
 * declaration out of the box. Also used by tests to get an adopted statement.
 */
import type { ConsensusCall, Principal, Statement } from '@concord/core';
import { createCallStore, createDocumentStore, createVersionStore } from '@concord/data';
import { publish } from '@concord/data/publication-service';
import { createPublicationPorts } from '@concord/data/publication-wiring';
import { importSignatories } from '@concord/data/sign-on-service';
import { renderState } from '@concord/text';
import { createVersionService } from '@concord/versions';

type Store = Parameters<typeof createCallStore>[0];

/** Names the current text "Final" and records a call on it that closed as adopted at `now`. */
export async function adoptStatement(input: { store: Store; statement: Statement; chair: Principal; now: number }): Promise<ConsensusCall> {
  const { store, statement, chair, now } = input;
  const by = { userId: chair.userId, organisationId: chair.organisationId };
  const versions = createVersionService({ documents: createDocumentStore(store), versions: createVersionStore(store) });
  const version = await versions.nameVersion({ docId: statement.id, name: 'Final', actor: by, now: now - 2_000 });
  const { hash } = version;
  const calls = createCallStore(store);
  const id = `call_${statement.id}_adopted`;
  await calls.create({
    id,
    statementId: statement.id,
    coalitionId: statement.coalitionId,
    version: { seq: version.seq, name: 'Final', hash },
    procedure: { kind: 'silence' },
    deadline: now + 60_000,
    timeZone: 'UTC',
    resultsVisibility: 'after-close',
    electorate: [chair.organisationId],
    status: 'open',
    openedBy: { ...by, onBehalfOfChair: false },
    openedAt: now - 1_000,
    positions: [],
    extensions: [],
    closedAt: null,
    closedBy: null,
    withdrawnAt: null,
    withdrawnBy: null,
    outcome: null,
    reminders: [],
  });
  const closed = await calls.close({ callId: id, by: chair.userId, now });
  if (!closed) throw new Error('the call did not close');
  await calls.settle({ callId: id });
  return closed;
}

/** Adopts, publishes and imports `signatories` (one a line): the demo's public declaration. */
export async function seedDeclaration(input: { store: Store; statement: Statement; chair: Principal; signatories: string; now: number }): Promise<string> {
  await adoptStatement(input);
  const ports = createPublicationPorts({ ...input.store, render: renderState });
  const publication = await publish({ ports, actor: input.chair, statementId: input.statement.id, now: input.now });
  await importSignatories({ ports, actor: input.chair, statementId: input.statement.id, text: input.signatories, now: input.now });
  return publication.slug;
}
