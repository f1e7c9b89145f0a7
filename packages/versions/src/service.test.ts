import { isDomainError } from '@concord/core';
import { documentFrom } from '@concord/sync';
import { createMemoryDocumentStore } from '@concord/sync/memory';
import { canonicalText, checkDocument, contentHash, statementField } from '@concord/text';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryVersionStore } from './memory-version-store.ts';
import { checkedName, createVersionService, type Broadcast } from './service.ts';
import { statementWriter } from './testing.ts';

const docId = 'stmt_versions';
const T0 = Date.UTC(2026, 0, 1);
const minute = 60_000;
const alice = { userId: 'usr_alice', organisationId: 'org_a' };
const bob = { userId: 'usr_bob', organisationId: 'org_b' };

function setup() {
  const documents = createMemoryDocumentStore();
  const versions = createMemoryVersionStore();
  const service = createVersionService({ documents, versions });
  const writer = statementWriter(1);
  const write = async (update: Uint8Array, author = alice) => {
    await documents.appendUpdate({ docId, update, origin: 'test', author: `${author.userId} ${author.organisationId}` });
  };
  const text = async () => canonicalText({ doc: documentFrom(await documents.load({ docId })) });
  /** What `broadcastUpdate` does for the store (the fan-out is the sync core's own test). */
  const broadcast: Broadcast = async ({ update, author }) => void (await documents.appendUpdate({ docId, update, origin: 'server', author }));
  return { documents, versions, service, writer, write, text, broadcast };
}

describe('VersionService.checkpoint', () => {
  it('stores the text with its hash and who changed it since the previous version', async () => {
    const { service, writer, write, documents } = setup();
    await write(writer.paragraph('First words.'), alice);
    await write(writer.type(0, ' More.'), bob);
    const version = await service.checkpoint({ docId, reason: 'last-writer-left', now: T0 });
    expect(version).toMatchObject({ seq: 1, kind: 'checkpoint', name: null, createdBy: null, createdAt: T0, authors: [alice, bob] });
    expect(version?.hash).toBe(contentHash({ doc: writer.doc }));
    expect(await documents.takeAuthors({ docId })).toEqual([]);
  });

  it('stores nothing when the text equals the latest version’s, and keeps the authors for the next one', async () => {
    const { service, writer, write } = setup();
    await write(writer.paragraph('Same text.'));
    await service.checkpoint({ docId, reason: 'last-writer-left', now: T0 });
    expect(await service.checkpoint({ docId, reason: 'requested', now: T0 + minute })).toBeNull();
    // Bob types and takes it back: the same text, so no version, but Bob is remembered.
    await write(writer.type(0, ' x'), bob);
    await write(writer.erase(0, 2), bob);
    expect(await service.checkpoint({ docId, reason: 'last-writer-left', now: T0 + 2 * minute })).toBeNull();
    await write(writer.type(0, ' Changed.'), alice);
    expect(await service.checkpoint({ docId, reason: 'last-writer-left', now: T0 + 3 * minute })).toMatchObject({ seq: 2, authors: [alice, bob] });
  });

  it('checkpoints the state a compaction just committed without reading the text again', async () => {
    const { service, writer, write, documents } = setup();
    await write(writer.paragraph('Compacted words.'), alice);
    const state = await documents.load({ docId });
    let loads = 0;
    const load = documents.load;
    documents.load = async (input) => ((loads += 1), load(input));
    const version = await service.checkpoint({ docId, reason: 'tail', now: T0, state });
    expect(loads).toBe(0);
    expect(version).toMatchObject({ seq: 1, authors: [alice] });
    expect(version?.hash).toBe(contentHash({ doc: writer.doc }));
  });

  it('after a compaction of a long tail, waits until the latest version is ten minutes old', async () => {
    const { service, writer, write } = setup();
    await write(writer.paragraph('Start.'));
    expect(await service.checkpoint({ docId, reason: 'tail', now: T0 })).not.toBeNull();
    await write(writer.type(0, ' Typing on.'));
    expect(await service.checkpoint({ docId, reason: 'tail', now: T0 + 9 * minute })).toBeNull();
    expect(await service.checkpoint({ docId, reason: 'tail', now: T0 + 10 * minute })).toMatchObject({ seq: 2 });
  });

  it('does not even read the text after a compaction while no checkpoint can be due (it runs on the message path)', async () => {
    const { documents, versions, writer, write } = setup();
    let loads = 0;
    const counting = { ...documents, load: (input: { docId: string }) => (loads++, documents.load(input)) };
    const service = createVersionService({ documents: counting, versions });
    await write(writer.paragraph('Start.'));
    await service.checkpoint({ docId, reason: 'tail', now: T0 });
    loads = 0;
    await write(writer.type(0, ' Typing on.'));
    for (const at of [1, 5, 9]) await service.checkpoint({ docId, reason: 'tail', now: T0 + at * minute });
    expect(loads).toBe(0);
    // When it may be due (or the last writer left), it reads the text to decide.
    await service.checkpoint({ docId, reason: 'last-writer-left', now: T0 + 9 * minute });
    expect(loads).toBe(1);
  });

  it('reads no version after a compaction while the latest it saw or made is recent', async () => {
    const { documents, versions, writer, write } = setup();
    let reads = 0;
    const counting = { ...versions, latest: (input: { docId: string }) => (reads++, versions.latest(input)) };
    const service = createVersionService({ documents, versions: counting });
    await write(writer.paragraph('Start.'));
    await service.checkpoint({ docId, reason: 'tail', now: T0 });
    reads = 0;
    await write(writer.type(0, ' Typing on.'));
    for (const at of [1, 5, 9]) expect(await service.checkpoint({ docId, reason: 'tail', now: T0 + at * minute })).toBeNull();
    expect(reads).toBe(0);
    // Once one may be due it reads again, and takes it.
    expect(await service.checkpoint({ docId, reason: 'tail', now: T0 + 10 * minute })).toMatchObject({ seq: 2 });
    expect(reads).toBe(1);
    // Another process's service, which saw nothing yet, reads once and then remembers too.
    const other = createVersionService({ documents, versions: counting });
    await other.checkpoint({ docId, reason: 'tail', now: T0 + 11 * minute });
    await other.checkpoint({ docId, reason: 'tail', now: T0 + 12 * minute });
    expect(reads).toBe(2);
  });

  it('does not wait when the last writer left', async () => {
    const { service, writer, write } = setup();
    await write(writer.paragraph('Start.'));
    await service.checkpoint({ docId, reason: 'tail', now: T0 });
    await write(writer.type(0, ' Then left.'));
    expect(await service.checkpoint({ docId, reason: 'last-writer-left', now: T0 + minute })).toMatchObject({ seq: 2 });
  });

  it('stores nothing for a statement that never had any words', async () => {
    const { service } = setup();
    expect(await service.checkpoint({ docId, reason: 'last-writer-left', now: T0 })).toBeNull();
  });
});

describe('VersionService.nameVersion', () => {
  it('always names the current text, even when a checkpoint of it exists', async () => {
    const { service, writer, write } = setup();
    await write(writer.paragraph('Zero draft text.'));
    const checkpoint = await service.checkpoint({ docId, reason: 'last-writer-left', now: T0 });
    const named = await service.nameVersion({ docId, name: '  Zero   draft ', actor: alice, now: T0 + 1 });
    expect(named).toMatchObject({ seq: 2, kind: 'named', name: 'Zero draft', createdBy: alice, hash: checkpoint?.hash, authors: [] });
  });

  it('refuses a name the statement already has, keeping the authors for the next version', async () => {
    const { service, writer, write } = setup();
    await write(writer.paragraph('Text.'), bob);
    await service.nameVersion({ docId, name: 'Rev. 1', actor: alice, now: T0 });
    await write(writer.type(0, ' More.'), bob);
    await expect(service.nameVersion({ docId, name: ' rev. 1', actor: alice, now: T0 + 1 })).rejects.toSatisfy((error: unknown) => isDomainError(error) && error.code === 'versions.name-taken');
    expect(await service.nameVersion({ docId, name: 'Rev. 2', actor: alice, now: T0 + 2 })).toMatchObject({ seq: 2, authors: [bob] });
  });

  it('refuses an empty, overlong or control-character name', () => {
    for (const name of ['', '   ', 'x'.repeat(81), 'Rev.\u0000 1']) {
      expect(() => checkedName(name)).toThrow();
      try {
        checkedName(name);
      } catch (error) {
        expect(isDomainError(error) && error.code).toBe('input.name');
      }
    }
    expect(checkedName('修訂稿 '.repeat(20).trim())).toHaveLength(79);
  });
});

describe('VersionService.restore', () => {
  it('brings an old text back as a new change and records it as a new version', async () => {
    const { service, writer, write, text, broadcast } = setup();
    await write(writer.paragraph('We urge all governments to act.'));
    const rev1 = await service.nameVersion({ docId, name: 'Rev. 1', actor: alice, now: T0 });
    await write(writer.type(0, ' Now.'), bob);
    await write(writer.paragraph('An added paragraph.'), bob);
    await service.nameVersion({ docId, name: 'Rev. 2', actor: bob, now: T0 + minute });

    const outcome = await service.restore({ docId, seq: rev1.seq, actor: alice, now: T0 + 2 * minute, broadcast });
    expect(await text()).toBe('We urge all governments to act.\n');
    expect(outcome.restored.name).toBe('Rev. 1');
    expect(outcome.version).toMatchObject({ seq: 3, kind: 'checkpoint', restoredFrom: 1, createdBy: alice, hash: rev1.hash, authors: [alice] });
    expect((await service.list({ docId })).map((v) => v.seq)).toEqual([3, 2, 1]);
  });

  it('sends nothing and stores no version when the text already is that version’s', async () => {
    const { service, writer, write } = setup();
    await write(writer.paragraph('Unchanged.'));
    const rev1 = await service.nameVersion({ docId, name: 'Rev. 1', actor: alice, now: T0 });
    const sent: unknown[] = [];
    const outcome = await service.restore({ docId, seq: rev1.seq, actor: alice, now: T0, broadcast: async (input) => void sent.push(input) });
    expect(outcome.version).toBeNull();
    expect(sent).toEqual([]);
  });

  it('repairs a statement damaged before the schema guard, even when its text is the version’s (issue 12)', async () => {
    const { service, writer, write, text, broadcast, documents } = setup();
    await write(writer.paragraph('Agreed words.'));
    const rev1 = await service.nameVersion({ docId, name: 'Rev. 1', actor: alice, now: T0 });
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(writer.doc));
    const before = Y.encodeStateVector(attacker);
    attacker.getText(statementField).insert(0, 'every editor goes blank');
    await write(Y.encodeStateAsUpdate(attacker, before), bob);
    expect(checkDocument({ doc: documentFrom(await documents.load({ docId })), kind: 'statement' })).toMatchObject({ ok: false });

    const outcome = await service.restore({ docId, seq: rev1.seq, actor: alice, now: T0 + minute, broadcast });
    expect(outcome.version).toMatchObject({ restoredFrom: 1, hash: rev1.hash });
    expect(checkDocument({ doc: documentFrom(await documents.load({ docId })), kind: 'statement' })).toEqual({ ok: true });
    expect(await text()).toBe('Agreed words.\n');
  });

  it('refuses an unknown version as not found', async () => {
    const { service, broadcast } = setup();
    await expect(service.restore({ docId, seq: 7, actor: alice, now: T0, broadcast })).rejects.toSatisfy((error: unknown) => isDomainError(error) && error.kind === 'not-found');
  });
});

describe('VersionService.compare', () => {
  it('compares any two versions, older first whichever order they are asked in', async () => {
    const { service, writer, write } = setup();
    await write(writer.paragraph('We urge all governments to act.'));
    await service.nameVersion({ docId, name: 'Rev. 1', actor: alice, now: T0 });
    await write(writer.type(0, ' Together.'));
    await service.nameVersion({ docId, name: 'Rev. 2', actor: alice, now: T0 + 1 });
    const result = await service.compare({ docId, from: 2, to: 1 });
    expect(result?.older.name).toBe('Rev. 1');
    expect(result?.comparison.blocks[0]?.runs).toEqual([
      { text: 'We urge all governments to act.', change: 'same' },
      { text: ' Together.', change: 'added' },
    ]);
    expect(await service.compare({ docId, from: 1, to: 9 })).toBeNull();
  });
});
