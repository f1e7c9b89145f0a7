/**
 * Publication on dynalite: a coalition with a chair, a member and the secretariat, statements
 * imported from Markdown, adopted as the hub adopts them (a named version, a closed call), and
 * the real publication ports.
 */
import { createSecretBox, generateSecretKey } from '@concord/auth';
import type { Organisation, Principal, Statement, User } from '@concord/core';
import { seatPerson } from '@concord/core/testing/coalition';
import { openDraft } from '@concord/core/testing/statement';
import { createAuditLog, createDocumentStore, createRepositories } from '@concord/data';
import { createPublicationPorts } from '@concord/data/publication-wiring';
import { testAuditKey } from '../../support/audit-key.ts';
import type { TranslationSource } from '@concord/publication/ports';
import { markdownToYUpdate, renderState } from '@concord/text';
import { adoptStatement } from '../../../functions/src/local/seed-declaration.ts';
import { startDynalite } from '../../support/dynalite.ts';

const coalitionId = 'coal_PUB';

export async function publicationWorld(input: { translations?: TranslationSource; jitterMs?: number } = {}) {
  const dynamo = await startDynalite({ jitterMs: input.jitterMs });
  const directory = createRepositories(dynamo);
  await directory.coalitions.put({ id: coalitionId, name: 'Freedom Online Coalition' });
  const org = (id: string, tier: Organisation['tier'], isChair = false): Organisation => ({ id, coalitionId, name: id.slice(4), tier, stakeholderGroup: 'government', isChair });
  const organisations = { chair: org('org_Chair', 'member', true), member: org('org_Estonia', 'member'), support: org('org_Support', 'observer') };
  for (const o of Object.values(organisations)) await directory.organisations.put(o);
  const person = (id: string, organisation: Organisation, roles: User['roles'] = []): Promise<Principal> => seatPerson({ directory, coalitionId, id, organisation, roles });
  const people = {
    chair: await person('usr_Chair', organisations.chair),
    member: await person('usr_Member', organisations.member),
    secretariat: await person('usr_Sec', organisations.support, ['secretariat']),
  };
  const documents = createDocumentStore(dynamo);
  let count = 0;
  async function statement(fields: Partial<Statement> & { markdown?: string } = {}): Promise<Statement> {
    count += 1;
    const { markdown, ...rest } = fields;
    const s = openDraft({ id: `stmt_PUB${count}`, coalitionId, title: 'Joint statement on surveillance', ...rest });
    await directory.statements.put(s);
    await documents.appendUpdate({ docId: s.id, update: markdownToYUpdate({ markdown: markdown ?? 'We **call** on states.\n\nSecond paragraph.' }), origin: 'seed' });
    return s;
  }
  const adopt = (s: Statement, now = Date.now()) => adoptStatement({ store: dynamo, statement: s, chair: people.chair, now });
  const secretBox = await createSecretBox({ keyBase64: generateSecretKey() });
  const ports = createPublicationPorts({ ...dynamo, auditKey: testAuditKey, render: renderState, translations: input.translations, secretBox });
  const audit = createAuditLog({ ...dynamo, key: testAuditKey });
  const auditActions = async () => (await audit.all({ coalitionId })).map((e) => e.action);
  return { dynamo, ports, people, statement, adopt, documents, auditActions, secretBox };
}

export { codeOf } from '../../support/code-of.ts';
