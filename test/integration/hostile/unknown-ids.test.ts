/**
 * Hostile input, unknown ids: `/coalition/organisations/<id>` with an id that does not exist,
 * belongs to another coalition or could not be a key at all answers our 404, never a 500 — on
 * the real stores (dynalite refuses a key over 2 KB, as DynamoDB does).
 */
import type { Organisation, Principal } from '@concord/core';
import { createInvitations, createRepositories } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { organisationPage } from '../../../web/src/lib/server/coalition/overview.ts';
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
  return { context: { directory, invitations: createInvitations(dynamo) }, chair };
}

async function statusOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
    return 200;
  } catch (caught) {
    // SvelteKit's HttpError (the test package does not depend on the kit itself).
    return typeof caught === 'object' && caught !== null && 'status' in caught && 'body' in caught ? caught.status : caught;
  }
}

describe('an organisation page for an id that is not one of ours', () => {
  it('answers 404 for an unknown, a foreign or a malformed id, and still shows a real one', async () => {
    const { context, chair } = await world();
    const ids = ['org_DoesNotExist', 'org_Foreign', 'x'.repeat(3_000), '', '%00', '../org_Chair', 'org_Chair\n', '🏴‍☠️'];
    for (const organisationId of ids) {
      expect(await statusOf(() => organisationPage({ context, actor: chair, organisationId })), organisationId.slice(0, 40)).toBe(404);
    }
    expect(await statusOf(() => organisationPage({ context, actor: chair, organisationId: 'org_Chair' }))).toBe(200);
  });
});
