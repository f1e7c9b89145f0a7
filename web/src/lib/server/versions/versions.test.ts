import { isDomainError } from '@concord/core';
import { documentFrom } from '@concord/sync';
import { createMemoryDocumentStore } from '@concord/sync/memory';
import { canonicalText } from '@concord/text';
import { createMemoryVersionStore, createVersionService } from '@concord/versions';
import { statementWriter } from '@concord/versions/testing';
import { describe, expect, it } from 'vitest';
import { caught, coalitionId, createFakeContext, seedCoalition, seedDrafts } from '../testing/fakes.ts';
import type { VersionsDeps } from './deps.ts';
import { compareTwo, nameCurrentVersion, restoreVersion, versionHistory, versionNumber } from './versions.ts';

const now = 1_800_000_000_000;

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  const seeded = await seedCoalition(fake);
  await seedDrafts(fake);
  const documents = createMemoryDocumentStore();
  const broadcasts: string[] = [];
  let frozen: string | null = null;
  const deps: VersionsDeps = {
    directory: fake.context.directory,
    audit: fake.context.audit,
    service: createVersionService({ documents, versions: createMemoryVersionStore() }),
    texts: { frozenBy: async () => frozen },
    live: {
      broadcastUpdate: async (input) => {
        broadcasts.push(input.author);
        await documents.appendUpdate({ ...input, origin: 'server' });
      },
    },
    now: () => now,
  };
  const writer = statementWriter(3);
  const write = (docId: string, update: Uint8Array, by: { userId: string; organisationId: string }) => documents.appendUpdate({ docId, update, origin: 'c', author: `${by.userId} ${by.organisationId}` });
  const text = async (docId: string) => canonicalText({ doc: documentFrom(await documents.load({ docId })) });
  return { fake, ...seeded, deps, writer, write, text, broadcasts, freeze: () => void (frozen = 'call_1') };
}

const code = (thrown: unknown) => (isDomainError(thrown) ? `${thrown.kind}:${thrown.code}` : thrown);

describe('versions in the web app', () => {
  it('names, lists with names of people and organisations, compares and restores — audited', async () => {
    const { deps, people, writer, write, text, broadcasts, fake } = await setup();
    await write('stmt_D', writer.paragraph('We urge action.'), people.member);
    await nameCurrentVersion({ deps, principal: people.member, statementId: 'stmt_D', name: 'Rev. 1' });
    await write('stmt_D', writer.type(0, ' Now.'), people.other);
    await nameCurrentVersion({ deps, principal: people.chair, statementId: 'stmt_D', name: 'Rev. 2' });

    const history = await versionHistory({ deps, principal: people.observer, statementId: 'stmt_D' });
    expect(history.versions.map((v) => [v.seq, v.name])).toEqual([[2, 'Rev. 2'], [1, 'Rev. 1']]);
    expect(history.versions[0]?.authors).toEqual([{ organisation: { id: 'org_Other', name: 'Other' }, people: [{ id: 'usr_Other', name: 'Other' }] }]);
    expect(history.versions[0]?.createdBy).toEqual({ person: { id: 'usr_Chair', name: 'Chair' }, organisation: { id: 'org_Chair', name: 'Chair' } });
    expect([history.canName, history.canRestore]).toEqual([false, false]);

    const compared = await compareTwo({ deps, principal: people.observer, statementId: 'stmt_D', from: 2, to: 1 });
    expect(compared.comparison.blocks[0]?.runs).toContainEqual({ text: ' Now.', change: 'added' });

    const outcome = await restoreVersion({ deps, principal: people.member, statementId: 'stmt_D', seq: 1 });
    expect(outcome.version).toMatchObject({ seq: 3, restoredFrom: 1 });
    expect(await text('stmt_D')).toBe('We urge action.\n');
    expect(broadcasts).toEqual(['usr_Member org_Member']);
    const acts = await fake.context.audit.all({ coalitionId });
    expect(acts.map((a) => [a.action, a.actor?.userId, a.details])).toEqual([
      ['version.named', 'usr_Member', { seq: 1, name: 'Rev. 1', hash: history.versions[1]?.hash }],
      ['version.named', 'usr_Chair', { seq: 2, name: 'Rev. 2', hash: history.versions[0]?.hash }],
      ['version.restored', 'usr_Member', { restoredFrom: 1, restoredName: 'Rev. 1', newSeq: 3, hash: history.versions[1]?.hash }],
    ]);
  });

  it('refuses by the policy: observers and advisory neither name nor restore; hidden statements are not found', async () => {
    const { deps, people, writer, write } = await setup();
    await write('stmt_D', writer.paragraph('Text.'), people.member);
    await nameCurrentVersion({ deps, principal: people.member, statementId: 'stmt_D', name: 'Rev. 1' });
    for (const principal of [people.observer, people.advisory]) {
      expect(code(await caught(() => nameCurrentVersion({ deps, principal, statementId: 'stmt_D', name: 'X' })))).toMatch(/^forbidden:/);
      expect(code(await caught(() => restoreVersion({ deps, principal, statementId: 'stmt_D', seq: 1 })))).toMatch(/^forbidden:/);
    }
    expect(code(await caught(() => versionHistory({ deps, principal: people.observer, statementId: 'stmt_M' })))).toBe('not-found:statement.not-found');
    expect(code(await caught(() => compareTwo({ deps, principal: people.observer, statementId: 'stmt_M', from: 1, to: 2 })))).toBe('not-found:statement.not-found');
  });

  it('refuses a taken name, an unknown version, and restoring while the text is frozen', async () => {
    const { deps, people, writer, write, freeze } = await setup();
    await write('stmt_D', writer.paragraph('Text.'), people.member);
    await nameCurrentVersion({ deps, principal: people.member, statementId: 'stmt_D', name: 'Zero draft' });
    expect(code(await caught(() => nameCurrentVersion({ deps, principal: people.member, statementId: 'stmt_D', name: 'zero DRAFT' })))).toBe('conflict:versions.name-taken');
    expect(code(await caught(() => restoreVersion({ deps, principal: people.member, statementId: 'stmt_D', seq: 9 })))).toBe('not-found:versions.not-found');
    freeze();
    expect(code(await caught(() => restoreVersion({ deps, principal: people.member, statementId: 'stmt_D', seq: 1 })))).toBe('conflict:versions.text-frozen');
    expect(() => versionNumber('0')).toThrow();
    expect(() => versionNumber('1e3')).toThrow();
    expect(versionNumber('12')).toBe(12);
  });
});
