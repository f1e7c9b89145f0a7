/**
 * For the consensus call specs, working on a host's store from the test process: name a version
 * of a statement's current text (as the versions page does: its canonical hash and state), and
 * run the call scheduler's function at a chosen instant — the deadline passing with no page open,
 * without any test-only clock in the app.
 */
import { createDocumentStore, createDynamoClient } from '@concord/data';
import { runCallScheduler } from '@concord/calls';
import { createCallPorts } from '@concord/data/call-wiring';
import { e2eHostAuditKey } from './audit-key.ts';
import { createVersionStore } from '@concord/data/version-store';
import { documentFrom } from '@concord/sync';
import { contentHash } from '@concord/text';
import * as Y from 'yjs';

const store = (dynamoEndpoint: string) => ({ client: createDynamoClient({ endpoint: dynamoEndpoint }), tableName: 'concord' });

export async function nameCurrentVersion(input: { dynamoEndpoint: string; docId: string; name: string; by: { userId: string; organisationId: string } }): Promise<string> {
  const s = store(input.dynamoEndpoint);
  const doc = documentFrom(await createDocumentStore(s).load({ docId: input.docId }));
  const hash = contentHash({ doc });
  await createVersionStore(s).append({
    docId: input.docId,
    version: { kind: 'named', name: input.name, hash, createdAt: Date.now(), createdBy: input.by, authors: [], restoredFrom: null },
    state: Y.encodeStateAsUpdateV2(doc),
  });
  doc.destroy();
  return hash;
}

/** One run of the scheduler's code at `now` against the host's store; open editors are not told (no gateway here). */
export async function runSchedulerAt(input: { dynamoEndpoint: string; now: number }) {
  const ports = createCallPorts({ ...store(input.dynamoEndpoint), auditKey: e2eHostAuditKey(), live: { evictDocument: async () => 0, notify: async () => {} } });
  return runCallScheduler({ ports, now: input.now });
}
