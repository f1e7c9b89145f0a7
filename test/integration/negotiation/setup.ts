/**
 * The negotiation service on dynalite: the real directory, negotiation, document and audit
 * stores, and live editors that record what they were sent (server-made changes are stored
 * through the real document store, as the sync core does).
 */
import type { Organisation, Principal, Statement, User } from '@concord/core';
import { seatPerson, seatTestPeople, testOrganisations } from '@concord/core/testing/coalition';
import { openDraft } from '@concord/core/testing/statement';
import { createAccounts, createAuditLog, createDocumentStore, createNegotiationStore, createRepositories, type Mail } from '@concord/data';
import { createNotificationStore } from '@concord/data/notifications';
import type { NegotiationPorts } from '@concord/negotiation/ports';
import { documentFrom } from '@concord/sync/document';
import { anchorBetween, textLeaves, type TextPoint } from '@concord/text/anchors';
import { markdownToYUpdate, yDocToText } from '@concord/text/text';
import type * as Y from 'yjs';
import { newId } from '../../../web/src/lib/server/coalition/lookup.ts';
import { mentionMail } from '../../../web/src/lib/server/negotiation/mention-mail.ts';
import { findAccessibleStatement } from '../../../web/src/lib/server/statements.ts';
import { testAuditKey } from '../../support/audit-key.ts';
import { startDynalite } from '../../support/dynalite.ts';

export const statementId = 'stmt_NEGOTIATION';
export const markdown = 'States **shall** protect human rights online.\n\nSecond paragraph here.';

export async function negotiationWorld(input: { statement?: Partial<Statement>; jitterMs?: number; lockMs?: number } = {}) {
  const dynamo = await startDynalite({ jitterMs: input.jitterMs });
  const directory = createRepositories(dynamo);
  const { organisations, people } = await seedCoalition(directory);
  const statement = openDraft({ id: statementId, coalitionId: people.chair.coalitionId, title: 'Rights online', ...input.statement });
  await directory.statements.put(statement);
  const documents = createDocumentStore(dynamo);
  await documents.appendUpdate({ docId: statementId, update: markdownToYUpdate({ markdown }), origin: 'seed' });
  const sent = { updates: [] as { update: Uint8Array; author: string }[], notices: [] as string[] };
  const audit = createAuditLog({ ...dynamo, key: testAuditKey });
  const accounts = createAccounts(dynamo);
  // French for the other member's delegate: mail is written in each reader's language.
  for (const person of Object.values(people)) {
    const locale = person.userId === people.other.userId ? 'fr' : null;
    await accounts.create({ userId: person.userId, email: `${person.userId.slice(4).toLowerCase()}@test.example`, passwordHash: 'x', totpKey: null, totpLastStep: 0, privilegeVersion: 0, createdAt: 0, locale });
  }
  const notifications = createNotificationStore(dynamo);
  const mails: Mail[] = [];
  const ports: NegotiationPorts = {
    statements: { accessible: (found) => findAccessibleStatement({ directory, ...found }) },
    directory,
    notes: createNegotiationStore(dynamo),
    texts: documents,
    live: {
      async broadcastUpdate({ docId, update, author }) {
        await documents.appendUpdate({ docId, update, origin: 'server', author });
        sent.updates.push({ update, author });
      },
      async notify({ notice }) {
        sent.notices.push(notice);
      },
    },
    audit,
    mentions: { notifications, accounts, mailer: { send: async (mail) => void mails.push(mail) }, wordMail: mentionMail },
    now: Date.now,
    newId,
    lockMs: input.lockMs,
  };
  const text = async () => yDocToText({ doc: documentFrom(await documents.load({ docId: statementId })) });
  const doc = async () => documentFrom(await documents.load({ docId: statementId }));
  const auditActions = async () => (await audit.all({ coalitionId: statement.coalitionId })).map((e) => e.action);
  return { ports, people, organisations, statement, documents, sent, text, doc, auditActions, notifications, mails };
}

const coalitionId = 'coal_NEGOTIATION';

/** A chair, two members (one with a lead), an advisory and an observer organisation. */
async function seedCoalition(directory: ReturnType<typeof createRepositories>) {
  // No support unit: the world is the chair, the members, an advisory organisation and an observer.
  const { support: _support, ...organisations } = testOrganisations(coalitionId);
  await directory.coalitions.put({ id: coalitionId, name: 'Negotiating Coalition' });
  for (const organisation of Object.values(organisations)) await directory.organisations.put(organisation);
  const person = (id: string, organisation: Organisation, roles: User['roles'] = []): Promise<Principal> => seatPerson({ directory, coalitionId, id, organisation, roles });
  const people = await seatTestPeople(person, organisations);
  return { organisations, people };
}

function pointAt(doc: Y.Doc, words: string, after = false): TextPoint {
  for (const text of textLeaves({ doc })) {
    const plain = (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
    const index = plain.indexOf(words);
    if (index >= 0) return { text, index: after ? index + words.length : index };
  }
  throw new Error(`no “${words}” in the text`);
}

/** The anchor of the first occurrence of `words`, as a client makes it from its selection. */
export const around = (doc: Y.Doc, words: string) => anchorBetween({ from: pointAt(doc, words), to: pointAt(doc, words, true) });

export { codeOf } from '../../support/code-of.ts';
