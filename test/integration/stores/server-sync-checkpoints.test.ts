/**
 * A process that is not a realtime host — the web app restoring a version or marking a
 * translation current, the call timer — writes documents through the sync core too, and its
 * server changes can grow a tail past the compaction limit. Built with `createServerSync`, as
 * every such process is, that compaction makes its checkpoint as a host's does (issue 15: only
 * one of six builders passed the hook).
 */
import { createVersionStore } from '@concord/data';
import { createServerSync } from '@concord/hub';
import { createRecordingGateway } from '@concord/sync/testing/fixtures';
import { contentHash } from '@concord/text';
import { statementWriter } from '@concord/versions/testing';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

describe('the sync handlers of a process that is not a host', () => {
  it('checkpoints after a compaction that its own server changes started', async () => {
    const dynamo = await startDynalite();
    const sync = createServerSync({ ...dynamo, gateway: createRecordingGateway(), compaction: { maxTailCount: 3 } });
    const versions = createVersionStore(dynamo);
    const docId = 'stmt_server_changes';
    const writer = statementWriter(11);
    await sync.broadcastUpdate({ docId, update: writer.paragraph('We urge all parties.'), author: 'usr_ada' });
    await sync.broadcastUpdate({ docId, update: writer.type(0, ' Now.'), author: 'usr_ada' });
    expect(await versions.latest({ docId })).toBeNull();
    // The third change reaches the limit: the tail is compacted, and the text checkpointed.
    await sync.broadcastUpdate({ docId, update: writer.type(0, ' Together.'), author: 'usr_ada' });
    expect(await versions.latest({ docId })).toMatchObject({ kind: 'checkpoint', hash: contentHash({ doc: writer.doc }) });
  });
});
