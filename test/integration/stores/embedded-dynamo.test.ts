import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentStore, createDynamoClient, createRepositories, ensureTable, startEmbeddedDynamo } from '@concord/data';
import { openVisibility } from '@concord/core';
import { describe, expect, it, onTestFinished } from 'vitest';

async function started(path: string | null) {
  const dynamo = await startEmbeddedDynamo({ path });
  onTestFinished(() => dynamo.close());
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  onTestFinished(() => client.destroy());
  return { dynamo, client };
}

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'concord-dynalite-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('startEmbeddedDynamo', () => {
  it('keeps the data under its path across a close and a restart', async () => {
    const path = join(tempDir(), 'nested', 'store');
    const first = await started(path);
    await ensureTable({ client: first.client, tableName: 'concord' });
    await createDocumentStore({ client: first.client, tableName: 'concord' }).appendUpdate({
      docId: 'stmt_kept',
      update: new TextEncoder().encode('kept'),
      origin: 'c',
    });
    await createRepositories({ client: first.client, tableName: 'concord' }).coalitions.put({ id: 'coal_1', name: 'Kept' });
    first.client.destroy();
    await first.dynamo.close();

    const second = await started(path);
    await ensureTable({ client: second.client, tableName: 'concord' });
    const state = await createDocumentStore({ client: second.client, tableName: 'concord' }).load({ docId: 'stmt_kept' });
    expect(state.updates.map((u) => new TextDecoder().decode(u.update))).toEqual(['kept']);
    expect(await createRepositories({ client: second.client, tableName: 'concord' }).coalitions.get('coal_1')).toEqual({ id: 'coal_1', name: 'Kept' });
  });

  it('starts empty in memory, each on its own free port', async () => {
    const a = await started(null);
    const b = await started(null);
    expect(a.dynamo.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.dynamo.endpoint).not.toBe(b.dynamo.endpoint);
    await ensureTable({ client: a.client, tableName: 'concord' });
    await createRepositories({ client: a.client, tableName: 'concord' }).coalitions.put({ id: 'coal_1', name: 'Only in a' });
    await ensureTable({ client: b.client, tableName: 'concord' });
    expect(await createRepositories({ client: b.client, tableName: 'concord' }).coalitions.list()).toEqual([]);
  });

  it('closes twice without error', async () => {
    const { dynamo, client } = await started(null);
    await ensureTable({ client, tableName: 'concord' });
    await dynamo.close();
    await dynamo.close();
  });
});

describe('ensureTable', () => {
  it('creates the table once when called concurrently, and again finds it there', async () => {
    const { client } = await started(null);
    await Promise.all(Array.from({ length: 5 }, () => ensureTable({ client, tableName: 'concord' })));
    await ensureTable({ client, tableName: 'concord' });
    const repositories = createRepositories({ client, tableName: 'concord' });
    await repositories.statements.put({ id: 'stmt_1', coalitionId: 'coal_1', title: 'T', language: 'en', visibility: openVisibility, penHolderIds: [], advisoryParticipation: true, amendmentDecisions: 'editors', createdAt: 1, updatedAt: 2 });
    expect(await repositories.statements.listByCoalition('coal_1')).toHaveLength(1);
  });
});
