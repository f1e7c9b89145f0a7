import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { recordAct } from './audit.ts';
import { auditPage, currentAnchor, parseBefore, verifyChain } from './audit-page.ts';
import { publicAnchor } from './audit-anchor.ts';
import { caught, createFakeContext, seedCoalition } from './testing/fakes.ts';

async function setup(entries = 5) {
  const fake = await createFakeContext();
  const seeded = await seedCoalition(fake);
  for (let n = 1; n <= entries; n++) {
    await recordAct({ audit: fake.context.audit, actor: seeded.people.chair, action: `test.act-${n}`, subject: { kind: 'user', id: 'usr_Member' }, details: { organisationId: 'org_Member', n }, now: n });
  }
  return { fake, ...seeded };
}

describe('auditPage', () => {
  it('shows the newest entries first, a page at a time, with names resolved', async () => {
    const { fake, people } = await setup();
    const first = await auditPage({ context: fake.context, actor: people.secretariat, limit: 2 });
    expect(first.rows.map((r) => r.seq)).toEqual([5, 4]);
    expect(first.rows[0]).toMatchObject({ actorName: 'Chair', organisationName: 'Chair', action: 'test.act-5', subject: 'user: Member' });
    expect(first.rows[0]!.details).toEqual([
      { name: 'organisation', value: 'Member' },
      { name: 'n', value: '5' },
    ]);
    expect(first.olderBefore).toBe(4);
    const last = await auditPage({ context: fake.context, actor: people.secretariat, before: 2, limit: 2 });
    expect(last.rows.map((r) => r.seq)).toEqual([1]);
    expect(last.olderBefore).toBeNull();
  });

  it('names removed people as former delegates', async () => {
    const { fake, people } = await setup(1);
    await fake.context.directory.users.put({ ...(await fake.context.directory.users.get('usr_Chair'))!, status: 'removed' });
    expect((await auditPage({ context: fake.context, actor: people.secretariat })).rows[0]?.actorName).toBe('Former delegate');
  });

  it('is for the chair and the secretariat only', async () => {
    const { fake, people } = await setup(1);
    for (const actor of [people.lead, people.member, people.observer]) {
      const refused = await caught(() => auditPage({ context: fake.context, actor }));
      expect(isHttpError(refused) && refused.status).toBe(403);
    }
  });
});

describe('verifyChain', () => {
  it('verifies an intact chain and finds the first changed entry', async () => {
    const { fake, people } = await setup(3);
    expect(await verifyChain({ context: fake.context, actor: people.chair })).toEqual({ ok: true, entries: 3 });
    fake.store.audit[1] = { ...fake.store.audit[1]!, action: 'test.forged' };
    expect(await verifyChain({ context: fake.context, actor: people.chair })).toMatchObject({ ok: false, seq: 2 });
    const refused = await caught(() => verifyChain({ context: fake.context, actor: people.member }));
    expect(isHttpError(refused) && refused.status).toBe(403);
  });
});

describe('verifyChain against an anchor', () => {
  it('checks the anchor given, words each problem, and refuses a malformed anchor with our message', async () => {
    const { fake, people } = await setup(4);
    const anchor = await currentAnchor({ context: fake.context, actor: people.chair });
    expect(anchor).toBe(`4:${fake.store.audit[3]!.hash}`);
    expect(await verifyChain({ context: fake.context, actor: people.chair, anchor: anchor! })).toEqual({ ok: true, entries: 4 });
    expect(await verifyChain({ context: fake.context, actor: people.chair, anchor: `3:${'0'.repeat(64)}` })).toEqual({
      ok: false,
      seq: 3,
      message: 'The chain was rewritten at or before entry 3: it no longer matches the anchor given.',
    });
    expect(await verifyChain({ context: fake.context, actor: people.chair, anchor: 'yesterday' })).toMatchObject({ ok: false, message: expect.stringContaining('entries:hash') });
    fake.store.audit.pop();
    expect(await verifyChain({ context: fake.context, actor: people.chair })).toEqual({ ok: false, seq: 4, message: 'The chain is broken at entry 4: the entry is missing.' });
  });

  it('gives the current anchor to the chair and the secretariat only', async () => {
    const { fake, people } = await setup(1);
    const refused = await caught(() => currentAnchor({ context: fake.context, actor: people.member }));
    expect(isHttpError(refused) && refused.status).toBe(403);
  });
});

describe('publicAnchor', () => {
  it('publishes the head of a coalition’s chain, and 404s an unknown coalition', async () => {
    const { fake, people } = await setup(2);
    expect(await publicAnchor({ context: fake.context, coalitionId: people.chair.coalitionId })).toEqual({
      coalitionId: people.chair.coalitionId,
      count: 2,
      hash: fake.store.audit[1]!.hash,
      anchor: `2:${fake.store.audit[1]!.hash}`,
    });
    await expect(publicAnchor({ context: fake.context, coalitionId: 'coal_NOPE' })).rejects.toMatchObject({ kind: 'not-found', message: 'No coalition has this address.' });
  });
});

describe('parseBefore', () => {
  it('takes a positive whole number only', () => {
    expect(parseBefore('12')).toBe(12);
    expect(parseBefore(null)).toBeUndefined();
    expect(parseBefore('0')).toBeUndefined();
    expect(parseBefore('-3')).toBeUndefined();
    expect(parseBefore('1e3')).toBeUndefined();
  });
});
