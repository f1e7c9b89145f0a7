import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { caught, coalitionId, createFakeContext, seedCoalition } from '../testing/fakes.ts';
import { createTaskForce, deleteTaskForce, setTaskForceMember } from './task-forces.ts';

const now = 1_800_000_000_000;

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  const seeded = await seedCoalition(fake);
  const taskForce = await createTaskForce({ context: fake.context, actor: seeded.people.chair, name: 'Cyber', organisationIds: ['org_Member'], now });
  await fake.context.directory.statements.put({
    id: 'stmt_TF',
    coalitionId,
    title: 'Task force draft',
    language: 'en',
    visibility: { scope: 'task-force', taskForceId: taskForce.id, advisory: true, observers: false },
    penHolderIds: [],
    advisoryParticipation: true,
    amendmentDecisions: 'editors',
    createdAt: now,
    updatedAt: now,
  });
  fake.calls.bumped.length = 0;
  fake.calls.evictedUsers.length = 0;
  return { fake, taskForce, ...seeded };
}

describe('task forces', () => {
  it('adding an organisation rotates its delegates and reconnects the drafts shared with the task force', async () => {
    const { fake, people, taskForce } = await setup();
    await setTaskForceMember({ context: fake.context, actor: people.secretariat, taskForceId: taskForce.id, organisationId: 'org_Advisory', member: true, now });
    expect((await fake.context.directory.taskForces.get(taskForce.id))?.organisationIds).toEqual(['org_Member', 'org_Advisory']);
    expect(fake.calls.bumped).toEqual(['usr_Advisory']);
    expect(fake.calls.evictedUsers.map((e) => e.userId)).toEqual(['usr_Advisory']);
    expect(fake.calls.evictedDocuments).toEqual([{ docId: 'stmt_TF', reason: 'access.task-force-changed' }]);
    expect(fake.store.audit.at(-1)).toMatchObject({ action: 'task-force.organisation-added', details: { organisationId: 'org_Advisory' } });
  });

  it('removing one does the same for it', async () => {
    const { fake, people, taskForce } = await setup();
    await setTaskForceMember({ context: fake.context, actor: people.chair, taskForceId: taskForce.id, organisationId: 'org_Member', member: false, now });
    expect((await fake.context.directory.taskForces.get(taskForce.id))?.organisationIds).toEqual([]);
    expect(fake.calls.bumped.sort()).toEqual(['usr_Lead', 'usr_Member']);
    expect(fake.calls.evictedDocuments.map((e) => e.docId)).toEqual(['stmt_TF']);
  });

  it('is not deleted while a draft is shared with it', async () => {
    const { fake, people, taskForce } = await setup();
    await expect(deleteTaskForce({ context: fake.context, actor: people.chair, taskForceId: taskForce.id, now })).rejects.toMatchObject({ kind: 'input' });
    await fake.context.directory.statements.put({ ...(await fake.context.directory.statements.get('stmt_TF'))!, visibility: { scope: 'members', taskForceId: null, advisory: false, observers: false } });
    await deleteTaskForce({ context: fake.context, actor: people.chair, taskForceId: taskForce.id, now });
    expect(await fake.context.directory.taskForces.get(taskForce.id)).toBeNull();
    expect(fake.store.audit.at(-1)?.action).toBe('task-force.deleted');
  });

  it('is managed by the chair and the secretariat only', async () => {
    const { fake, people, taskForce } = await setup();
    for (const actor of [people.lead, people.member, people.observer]) {
      const refused = await caught(() => setTaskForceMember({ context: fake.context, actor, taskForceId: taskForce.id, organisationId: 'org_Other', member: true, now }));
      expect(isHttpError(refused) && refused.status).toBe(403);
    }
    expect(fake.calls.bumped).toEqual([]);
  });
});
