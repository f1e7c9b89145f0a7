import { openVisibility, type Coalition, type Organisation, type Statement, type TaskForce, type User } from '@concord/core';
import { createRepositories } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { putRawItem, startDynalite } from '../../support/dynalite.ts';

const coalition = (id: string): Coalition => ({ id, name: `Coalition ${id}` });
const organisation = (id: string, coalitionId: string, overrides: Partial<Organisation> = {}): Organisation => ({
  id,
  coalitionId,
  name: `Organisation ${id}`,
  tier: 'member',
  stakeholderGroup: 'government',
  isChair: false,
  ...overrides,
});
const user = (id: string, coalitionId: string): User => ({ id, name: `User ${id}`, organisationId: 'org_1', coalitionId, roles: ['secretariat', 'organisation-lead'], status: 'active' });
const statement = (id: string, coalitionId: string): Statement => ({
  id,
  coalitionId,
  title: `Statement ${id}`,
  language: 'zh-TW',
  visibility: { scope: 'task-force', taskForceId: 'tf_1', advisory: true, observers: false },
  penHolderIds: ['org_1'],
  advisoryParticipation: false,
  amendmentDecisions: 'chair',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_500,
});
const taskForce = (id: string, coalitionId: string): TaskForce => ({ id, coalitionId, name: `Task force ${id}`, organisationIds: ['org_1', 'org_2'] });

async function repositories() {
  return createRepositories(await startDynalite());
}

describe('[DC9] Repositories', () => {
  it('returns each entity exactly as it was put, with no storage attributes', async () => {
    const repos = await repositories();
    const org = organisation('org_1', 'coal_1', { tier: 'observer', stakeholderGroup: 'civil-society', isChair: true });
    const removed: User = { ...user('usr_2', 'coal_1'), roles: [], status: 'removed' };
    const open: Statement = { ...statement('stmt_2', 'coal_1'), visibility: openVisibility, penHolderIds: [] };
    await repos.coalitions.put(coalition('coal_1'));
    await repos.organisations.put(org);
    await repos.taskForces.put(taskForce('tf_1', 'coal_1'));
    await repos.users.put(user('usr_1', 'coal_1'));
    await repos.users.put(removed);
    await repos.statements.put(statement('stmt_1', 'coal_1'));
    await repos.statements.put(open);
    expect(await repos.coalitions.get('coal_1')).toStrictEqual(coalition('coal_1'));
    expect(await repos.organisations.get('org_1')).toStrictEqual(org);
    expect(await repos.taskForces.get('tf_1')).toStrictEqual(taskForce('tf_1', 'coal_1'));
    expect(await repos.users.get('usr_1')).toStrictEqual(user('usr_1', 'coal_1'));
    expect(await repos.users.get('usr_2')).toStrictEqual(removed);
    expect(await repos.statements.get('stmt_1')).toStrictEqual(statement('stmt_1', 'coal_1'));
    expect(await repos.statements.get('stmt_2')).toStrictEqual(open);
  });

  it('returns null for an id it does not have, even one used by another kind of entity', async () => {
    const repos = await repositories();
    await repos.organisations.put(organisation('shared_id', 'coal_1'));
    expect(await repos.coalitions.get('coal_missing')).toBeNull();
    expect(await repos.users.get('shared_id')).toBeNull();
    expect(await repos.statements.get('shared_id')).toBeNull();
  });

  it('lists organisations, users and statements per coalition, in id order', async () => {
    const repos = await repositories();
    for (const id of ['org_b', 'org_a', 'org_c']) await repos.organisations.put(organisation(id, 'coal_1'));
    await repos.organisations.put(organisation('org_other', 'coal_2'));
    for (const id of ['usr_2', 'usr_1']) await repos.users.put(user(id, 'coal_1'));
    await repos.statements.put(statement('stmt_1', 'coal_2'));
    expect((await repos.organisations.listByCoalition('coal_1')).map((o) => o.id)).toEqual(['org_a', 'org_b', 'org_c']);
    expect(await repos.organisations.listByCoalition('coal_2')).toStrictEqual([organisation('org_other', 'coal_2')]);
    expect((await repos.users.listByCoalition('coal_1')).map((u) => u.id)).toEqual(['usr_1', 'usr_2']);
    expect(await repos.statements.listByCoalition('coal_1')).toEqual([]);
    expect(await repos.statements.listByCoalition('coal_2')).toStrictEqual([statement('stmt_1', 'coal_2')]);
    expect(await repos.users.listByCoalition('coal_none')).toEqual([]);
  });

  it('lists task forces per coalition apart from the other kinds, and deletes them', async () => {
    const repos = await repositories();
    for (const id of ['tf_b', 'tf_a']) await repos.taskForces.put(taskForce(id, 'coal_1'));
    await repos.taskForces.put(taskForce('tf_other', 'coal_2'));
    await repos.organisations.put(organisation('org_1', 'coal_1'));
    expect(await repos.taskForces.listByCoalition('coal_1')).toStrictEqual([taskForce('tf_a', 'coal_1'), taskForce('tf_b', 'coal_1')]);
    expect((await repos.organisations.listByCoalition('coal_1')).map((o) => o.id)).toEqual(['org_1']);
    await repos.taskForces.delete('tf_a');
    await repos.taskForces.delete('tf_never');
    expect(await repos.taskForces.get('tf_a')).toBeNull();
    expect((await repos.taskForces.listByCoalition('coal_1')).map((t) => t.id)).toEqual(['tf_b']);
    expect(await repos.taskForces.get('tf_other')).not.toBeNull();
  });

  it('reads users and statements stored before roles, status, visibility and pen holders', async () => {
    const dynamo = await startDynalite();
    const repos = createRepositories(dynamo);
    const legacyUser = { id: 'usr_old', name: 'Old', organisationId: 'org_1', coalitionId: 'coal_1' };
    const legacyStatement = { id: 'stmt_old', coalitionId: 'coal_1', title: 'Old', language: 'en', createdAt: 1, updatedAt: 2 };
    await putRawItem({ dynamo, item: { pk: 'USR#usr_old', sk: 'USR', gsi1pk: 'COAL#coal_1', gsi1sk: 'USR#usr_old', ...legacyUser } });
    await putRawItem({ dynamo, item: { pk: 'STMT#stmt_old', sk: 'STMT', gsi1pk: 'COAL#coal_1', gsi1sk: 'STMT#stmt_old', ...legacyStatement } });
    const expectedUser: User = { ...legacyUser, roles: [], status: 'active' };
    const expectedStatement: Statement = { ...legacyStatement, visibility: openVisibility, penHolderIds: [], advisoryParticipation: true, amendmentDecisions: 'editors' };
    expect(await repos.users.get('usr_old')).toStrictEqual(expectedUser);
    expect(await repos.users.listByCoalition('coal_1')).toStrictEqual([expectedUser]);
    expect(await repos.statements.get('stmt_old')).toStrictEqual(expectedStatement);
    expect(await repos.statements.listByCoalition('coal_1')).toStrictEqual([expectedStatement]);
  });

  it('lists every coalition', async () => {
    const repos = await repositories();
    expect(await repos.coalitions.list()).toEqual([]);
    for (const id of ['coal_2', 'coal_1']) await repos.coalitions.put(coalition(id));
    expect(await repos.coalitions.list()).toStrictEqual([coalition('coal_1'), coalition('coal_2')]);
  });

  it('replaces an entity put again under the same id, and keeps only declared fields', async () => {
    const repos = await repositories();
    await repos.statements.put(statement('stmt_1', 'coal_1'));
    const renamed = { ...statement('stmt_1', 'coal_1'), title: 'Rev. 1', extra: 'not a field' } as Statement;
    await repos.statements.put(renamed);
    expect(await repos.statements.get('stmt_1')).toStrictEqual({ ...statement('stmt_1', 'coal_1'), title: 'Rev. 1' });
    expect(await repos.statements.listByCoalition('coal_1')).toHaveLength(1);
  });

  it('lists past the 1 MB page of a query', async () => {
    const repos = await repositories();
    const title = 'x'.repeat(100_000);
    for (let n = 0; n < 12; n++) await repos.statements.put({ ...statement(`stmt_${String(n).padStart(2, '0')}`, 'coal_1'), title });
    expect(await repos.statements.listByCoalition('coal_1')).toHaveLength(12);
  });
});
