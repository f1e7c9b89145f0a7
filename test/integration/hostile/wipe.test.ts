/**
 * Hostile input (issue 12, item 11): a member deletes everything. The text before the wipe must
 * become a checkpoint first, so restoring it gives back every edit, named or not.
 */
import { createDocumentStore, createVersionStore } from '@concord/data';
import { createHostSync } from '@concord/functions/host-sync';
import { encodeUpdate } from '@concord/sync';
import { canonicalText } from '@concord/text';
import { createVersionService } from '@concord/versions';
import { toBase64 } from 'lib0/buffer';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testPrincipal } from '../../support/clients.ts';
import { startDynalite } from '../../support/dynalite.ts';

const docId = 'stmt_wipe';
const frame = (update: Uint8Array) => `m${toBase64(encodeUpdate(update))}`;

describe('a wipe', () => {
  it('checkpoints the text as it was before the deletion is stored', async () => {
    const dynamo = await startDynalite();
    const sync = createHostSync({ ...dynamo, gateway: { post: async () => 'ok', close: async () => {} } });
    await sync.connect({ connectionId: 'member', docId, principal: testPrincipal('member'), access: 'write' });
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    const words = 'We call on all States to respect human rights online. '.repeat(12);
    paragraph.insert(0, [new Y.XmlText(words)]);
    doc.getXmlFragment('default').insert(0, [paragraph]);
    expect(await sync.message({ connectionId: 'member', frame: frame(Y.encodeStateAsUpdate(doc)) })).toBe('handled');

    const before = Y.encodeStateVector(doc);
    doc.getXmlFragment('default').delete(0, 1);
    expect(await sync.message({ connectionId: 'member', frame: frame(Y.encodeStateAsUpdate(doc, before)) })).toBe('handled');

    const versions = createVersionService({ documents: createDocumentStore(dynamo), versions: createVersionStore(dynamo) });
    const [checkpoint] = await versions.list({ docId });
    expect(checkpoint?.kind).toBe('checkpoint');
    const stored = await versions.get({ docId, seq: checkpoint!.seq });
    const kept = new Y.Doc();
    Y.applyUpdateV2(kept, stored!.state);
    expect(canonicalText({ doc: kept })).toContain('We call on all States');
  });
});
