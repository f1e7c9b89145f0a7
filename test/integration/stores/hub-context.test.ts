/**
 * The one composition root (issue 15, item 2): every feature of a process takes the same client,
 * document store and sync handlers from `createHubContext(env)`, built from the environment the
 * process was given — and those sync handlers carry the version hooks.
 */
import { auditChainKey } from '@concord/auth/audit-chain';
import { createHubContext } from '@concord/hub';
import { statementWriter } from '@concord/versions/testing';
import { contentHash } from '@concord/text';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const secret = Buffer.alloc(32, 7).toString('base64');

describe('the hub context', () => {
  it('builds its parts once, from the environment it is given', async () => {
    const dynamo = await startDynalite();
    const hub = createHubContext({
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      CONCORD_TABLE: dynamo.tableName,
      CONCORD_SECRET_KEY: secret,
      CONCORD_WS_MANAGEMENT_URL: 'http://127.0.0.1:9',
    });
    expect(hub.store.tableName).toBe(dynamo.tableName);
    expect(hub.sync()).toBe(hub.sync());
    expect(hub.realtime()).toBe(hub.realtime());
    expect(hub.auditKey()).toEqual(auditChainKey({ secretKeyBase64: secret }));
    // Its document store writes where the environment says: another client of that table reads it.
    const writer = statementWriter(3);
    await hub.sync().broadcastUpdate({ docId: 'stmt_hub', update: writer.paragraph('We urge all parties.'), author: 'usr_ada' });
    const other = createHubContext({ DYNAMODB_ENDPOINT: dynamo.endpoint, CONCORD_TABLE: dynamo.tableName });
    expect((await other.documents.load({ docId: 'stmt_hub' })).updates).toHaveLength(1);
  });

  it('checkpoints after a compaction its sync handlers ran', async () => {
    const dynamo = await startDynalite();
    const hub = createHubContext({ DYNAMODB_ENDPOINT: dynamo.endpoint, CONCORD_TABLE: dynamo.tableName, CONCORD_WS_MANAGEMENT_URL: 'http://127.0.0.1:9' });
    const writer = statementWriter(5);
    await hub.sync().broadcastUpdate({ docId: 'stmt_hub_versions', update: writer.paragraph('Access to the internet is a right.'), author: 'usr_ada' });
    expect(await hub.versions.latest({ docId: 'stmt_hub_versions' })).toBeNull();
    await hub.sync().compact({ docId: 'stmt_hub_versions' });
    expect(await hub.versions.latest({ docId: 'stmt_hub_versions' })).toMatchObject({ kind: 'checkpoint', hash: contentHash({ doc: writer.doc }) });
  });

  it('says which variable is missing, when a part needs it and not before', async () => {
    const dynamo = await startDynalite();
    const hub = createHubContext({ DYNAMODB_ENDPOINT: dynamo.endpoint, CONCORD_TABLE: dynamo.tableName });
    expect((await hub.documents.load({ docId: 'stmt_none' })).updates).toEqual([]);
    expect(() => hub.sync()).toThrow('CONCORD_WS_MANAGEMENT_URL is not set');
    expect(() => hub.auditKey()).toThrow('CONCORD_SECRET_KEY is not set');
  });
});
