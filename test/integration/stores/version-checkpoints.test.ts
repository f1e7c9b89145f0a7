/**
 * Automatic checkpoints through the hosts' own sync wiring (functions/src/host-sync.ts, used by
 * Lambda and the local host) on dynalite: a version when the last writer leaves, with the
 * people and organisations who changed the text, and none when nothing changed.
 */
import { createVersionStore, createDocumentStore } from '@concord/data';
import { createHostSync } from '@concord/functions/host-sync';
import { encodeMessage } from '@concord/sync';
import { createRecordingGateway, principalFor, updateMessage } from '@concord/sync/testing/fixtures';
import { contentHash } from '@concord/text';
import { statementWriter } from '@concord/versions/testing';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const docId = 'stmt_checkpoints';
const ada = principalFor('ada', { organisationId: 'org_FI' });
const bob = principalFor('bob', { organisationId: 'org_GH' });
const carol = principalFor('carol', { organisationId: 'org_EE' });

async function start() {
  const dynamo = await startDynalite();
  const sync = createHostSync({ ...dynamo, gateway: createRecordingGateway() });
  const versions = createVersionStore(dynamo);
  let ids = 0;
  const send = (connectionId: string, update: Uint8Array) => sync.message({ connectionId, frame: encodeMessage({ data: updateMessage(update), messageId: `m${++ids}` })[0] });
  return { sync, versions, send, documents: createDocumentStore(dynamo) };
}

describe('automatic checkpoints in the hosts', () => {
  it('stores a version when the last writer leaves — not while a writer is still there — with its authors and hash', async () => {
    const { sync, versions, send } = await start();
    const writer = statementWriter(7);
    await sync.connect({ connectionId: 'ada-1', docId, principal: ada, access: 'write', sessionId: 's1' });
    await sync.connect({ connectionId: 'bob-1', docId, principal: bob, access: 'write', sessionId: 's2' });
    await sync.connect({ connectionId: 'carol-1', docId, principal: carol, access: 'read', sessionId: 's3' });
    expect(await send('ada-1', writer.paragraph('We urge all parties.'))).toBe('handled');
    expect(await send('bob-1', writer.type(0, ' Now.'))).toBe('handled');

    await sync.disconnect({ connectionId: 'ada-1' });
    expect(await versions.latest({ docId })).toBeNull();
    await sync.disconnect({ connectionId: 'bob-1' });
    const version = await versions.latest({ docId });
    expect(version).toMatchObject({ seq: 1, kind: 'checkpoint', name: null, hash: contentHash({ doc: writer.doc }) });
    expect(version?.authors).toEqual([
      { userId: ada.userId, organisationId: 'org_FI' },
      { userId: bob.userId, organisationId: 'org_GH' },
    ]);
  });

  it('stores no second version when the writers leave again without changing the text', async () => {
    const { sync, versions, send } = await start();
    const writer = statementWriter(8);
    await sync.connect({ connectionId: 'ada-1', docId, principal: ada, access: 'write', sessionId: 's1' });
    await send('ada-1', writer.paragraph('Text.'));
    await sync.disconnect({ connectionId: 'ada-1' });
    await sync.connect({ connectionId: 'ada-2', docId, principal: ada, access: 'write', sessionId: 's1' });
    await send('ada-2', writer.type(0, 'x'));
    await send('ada-2', writer.erase(0, 1));
    await sync.disconnect({ connectionId: 'ada-2' });
    expect((await versions.list({ docId })).map((v) => v.seq)).toEqual([1]);
  });
});
