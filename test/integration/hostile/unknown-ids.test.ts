/**
 * Hostile input, unknown ids: the coalition pages find an organisation, person or task force
 * named in the address or a form with `lookup.ts`; an id that does not exist, belongs to another
 * coalition or could not be a key at all is `not-found` (our 404, see `overview.test.ts`), never a
 * store error (a 500) — on the real stores: dynalite refuses a key over 2 KB, as DynamoDB does.
 */
import { isDomainError, type Organisation, type Principal } from '@concord/core';
import { createRepositories } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { organisationIn, personIn, taskForceIn } from '../../../web/src/lib/server/coalition/lookup.ts';
import { startDynalite } from '../../support/dynalite.ts';

async function world() {
  const dynamo = await startDynalite();
  const directory = createRepositories(dynamo);
  const org = (id: string, coalitionId: string): Organisation => ({ id, coalitionId, name: id, tier: 'member', stakeholderGroup: 'government', isChair: id === 'org_Chair' });
  for (const coalitionId of ['coal_A', 'coal_B']) await directory.coalitions.put({ id: coalitionId, name: coalitionId });
  await directory.organisations.put(org('org_Chair', 'coal_A'));
  await directory.organisations.put(org('org_Foreign', 'coal_B'));
  await directory.users.put({ id: 'usr_Chair', name: 'Chair', organisationId: 'org_Chair', coalitionId: 'coal_A', roles: [], status: 'active' });
  const chair: Principal = { userId: 'usr_Chair', userName: 'Chair', organisationId: 'org_Chair', organisationName: 'org_Chair', coalitionId: 'coal_A', tier: 'member', isChair: true, roles: [] };
  return { directory, chair };
}

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
    return 'found';
  } catch (caught) {
    return isDomainError(caught) ? caught.kind : caught;
  }
}

describe('[G8] looking up an id that is not one of ours', () => {
  it('is not-found for an unknown, a foreign or a malformed id, and finds a real one', async () => {
    const { directory, chair } = await world();
    const ids = ['org_DoesNotExist', 'org_Foreign', 'x'.repeat(3_000), '', '%00', '../org_Chair', 'org_Chair\n', '🏴‍☠️'];
    for (const id of ids) {
      for (const find of [organisationIn, personIn, taskForceIn]) {
        expect(await outcome(() => find({ directory, actor: chair, id })), `${find.name} ${id.slice(0, 40)}`).toBe('not-found');
      }
    }
    expect(await outcome(() => organisationIn({ directory, actor: chair, id: 'org_Chair' }))).toBe('found');
    expect(await outcome(() => personIn({ directory, actor: chair, id: 'usr_Chair' }))).toBe('found');
  });
});
