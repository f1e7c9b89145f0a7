import { isDomainError, type User } from '@concord/core';
import { seatPerson, testOrganisations } from '@concord/core/testing/coalition';
import { openDraft } from '@concord/core/testing/statement';
import { describe, expect, it } from 'vitest';
import { createMemoryCoalitionPorts } from './memory.ts';
import { addOrganisation, handChair } from './organisations.ts';
import { deleteTaskForce } from './task-forces.ts';

const now = 1_800_000_000_000;
const coalitionId = 'coal_T';

async function world() {
  const { ports, record } = createMemoryCoalitionPorts();
  const organisations = testOrganisations(coalitionId);
  await ports.directory.coalitions.put({ id: coalitionId, name: 'T' });
  for (const organisation of Object.values(organisations)) await ports.directory.organisations.put(organisation);
  const seat = (id: string, organisation: (typeof organisations)['chair'], roles: User['roles'] = []) => seatPerson({ directory: ports.directory, coalitionId, id, organisation, roles });
  const people = {
    chair: await seat('usr_Chair', organisations.chair),
    lead: await seat('usr_Lead', organisations.member, ['organisation-lead']),
    other: await seat('usr_Other', organisations.other),
    secretariat: await seat('usr_Secretariat', organisations.support, ['secretariat']),
  };
  record.writes.length = 0;
  return { ports, record, organisations, people };
}

async function refusal(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (isDomainError(error)) return { kind: error.kind, code: error.code, details: error.details };
    throw error;
  }
  throw new Error('not refused');
}

describe('addOrganisation', () => {
  it('refuses anyone but the chair and the secretariat, with the policy’s refusal, writing nothing', async () => {
    const { ports, record, people } = await world();
    expect(await refusal(() => addOrganisation({ ports, actor: people.lead, name: 'Kenya', tier: 'member', stakeholderGroup: 'government', now }))).toMatchObject({ kind: 'forbidden', code: 'forbidden.not-manager' });
    expect(record.writes).toEqual([]);
    expect(record.audit).toEqual([]);
  });

  it('refuses a name the coalition already has, whatever its case', async () => {
    const { ports, record, people } = await world();
    expect(await refusal(() => addOrganisation({ ports, actor: people.secretariat, name: '  oTHER ', tier: 'member', stakeholderGroup: 'government', now }))).toEqual({ kind: 'input', code: 'organisation.name-taken', details: {} });
    expect(record.writes).toEqual([]);
    await addOrganisation({ ports, actor: people.secretariat, name: 'Kenya', tier: 'member', stakeholderGroup: 'government', now });
    expect(record.audit.map((entry) => entry.action)).toEqual(['organisation.added']);
  });
});

describe('handChair', () => {
  it('sets the new chair before clearing the old, so a crash between leaves two chairs, never none', async () => {
    const { ports, record, organisations, people } = await world();
    await handChair({ ports, actor: people.chair, organisationId: organisations.other.id, now });
    expect(record.writes.map((write) => [write.what, (write.entity as { isChair: boolean }).isChair])).toEqual([
      ['organisations.put org_Other', true],
      ['organisations.put org_Chair', false],
    ]);
    expect(record.bumped.sort()).toEqual(['usr_Chair', 'usr_Other']);
  });

  it('refuses an organisation that already holds it, naming it for the words', async () => {
    const { ports, people, organisations } = await world();
    const own = await refusal(() => handChair({ ports, actor: people.secretariat, organisationId: organisations.chair.id, now }));
    expect(own.kind).toBe('forbidden');
    await ports.directory.organisations.put({ ...organisations.other, isChair: true });
    expect(await refusal(() => handChair({ ports, actor: people.chair, organisationId: organisations.other.id, now }))).toEqual({ kind: 'input', code: 'organisation.already-chair', details: { organisation: 'Other' } });
  });
});

describe('deleteTaskForce', () => {
  it('refuses while drafts are shared with it, counting them for the words', async () => {
    const { ports, people, organisations } = await world();
    await ports.directory.taskForces.put({ id: 'tf_A', coalitionId, name: 'Cyber', organisationIds: [organisations.member.id] });
    await ports.directory.statements.put(openDraft({ id: 'stmt_A', coalitionId, visibility: { scope: 'task-force', taskForceId: 'tf_A', advisory: false, observers: false } }));
    expect(await refusal(() => deleteTaskForce({ ports, actor: people.chair, taskForceId: 'tf_A', now }))).toEqual({ kind: 'input', code: 'task-force.in-use', details: { count: 1, taskForce: 'Cyber' } });
    expect(await ports.directory.taskForces.get('tf_A')).not.toBeNull();
  });
});
