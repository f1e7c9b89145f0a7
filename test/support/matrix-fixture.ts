/**
 * The authorization matrix's world (packages/core/src/testing/authorization-matrix.ts) written
 * into a running host's store: its coalition and an outsider's, every organisation, one person
 * per role with an account (and two-factor where the role requires it), the task force, and the
 * four differently shared drafts with some text.
 */
import { createSecretBox, generateTotpKey, hashPassword } from '@concord/auth';
import { twoFactorRequired } from '@concord/core';
import { actors, organisations, roles, statements, taskForce, type RoleName } from '@concord/core/testing/authorization-matrix';
import { createAccounts, createDocumentStore, createDynamoClient, createRepositories } from '@concord/data';
import { markdownToYUpdate } from '@concord/text';

export interface MatrixPerson {
  role: RoleName;
  userId: string;
  email: string;
  password: string;
  totpKey: Uint8Array | null;
}

/** A spare delegate whose roles the matrix's grant probes change. */
export const spareUserId = 'usr_spare';

export async function seedMatrix(input: { dynamoEndpoint: string; secretKey: string; now: number }): Promise<MatrixPerson[]> {
  const store = { client: createDynamoClient({ endpoint: input.dynamoEndpoint }), tableName: 'concord' };
  const repositories = createRepositories(store);
  const accounts = createAccounts(store);
  const documents = createDocumentStore(store);
  const box = await createSecretBox({ keyBase64: input.secretKey });

  for (const coalition of [{ id: 'coal_MATRIX', name: 'Matrix coalition' }, { id: 'coal_OTHER', name: 'Another coalition' }]) {
    await repositories.coalitions.put(coalition);
  }
  for (const organisation of Object.values(organisations)) await repositories.organisations.put(organisation);
  await repositories.taskForces.put(taskForce);
  await repositories.users.put({ id: spareUserId, name: 'Spare delegate', organisationId: organisations.member.id, coalitionId: 'coal_MATRIX', roles: [], status: 'active' });
  for (const statement of Object.values(statements)) {
    await repositories.statements.put(statement);
    await documents.appendUpdate({ docId: statement.id, update: markdownToYUpdate({ markdown: `# ${statement.title}\n\nAgreed text.` }), origin: 'seed' });
  }

  const people: MatrixPerson[] = [];
  for (const role of roles) {
    const actor = actors[role];
    if (!actor) continue;
    await repositories.users.put({
      id: actor.userId,
      name: actor.userName,
      organisationId: actor.organisationId,
      coalitionId: actor.coalitionId,
      roles: [...actor.roles],
      status: 'active',
    });
    const password = `matrix password for ${role}`;
    const totpKey = twoFactorRequired(actor) ? generateTotpKey() : null;
    const email = `${role}@matrix.example`;
    await accounts.create({
      userId: actor.userId,
      email,
      passwordHash: await hashPassword(password),
      totpKey: totpKey ? await box.seal(totpKey) : null,
      totpLastStep: 0,
      privilegeVersion: 1,
      createdAt: input.now,
    });
    people.push({ role, userId: actor.userId, email, password, totpKey });
  }
  return people;
}

/** Puts the matrix's chair back on its organisation (after a probe handed it on). */
export async function restoreChair(input: { dynamoEndpoint: string }): Promise<void> {
  const repositories = createRepositories({ client: createDynamoClient({ endpoint: input.dynamoEndpoint }), tableName: 'concord' });
  for (const organisation of Object.values(organisations)) {
    if (organisation.coalitionId === 'coal_MATRIX') await repositories.organisations.put(organisation);
  }
}
