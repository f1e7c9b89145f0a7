/**
 * Version acts for the authorization matrix, through the real history page's form actions.
 * Each matrix statement gets a version of its stored text, stored directly, so that:
 * - `statement.name-version`: naming the current text (a fresh name each time) is done (303 with
 *   a notice); the policy's refusals answer 403, a draft not shared 404;
 * - `statement.restore-version`: restoring that version is done (303 with a notice: restored, or
 *   unchanged when the text already is that version's).
 * Reading versions (history and compare) is probed with `statement.read`: it must be allowed
 * exactly when the statement itself may be read.
 */
import type { Statement } from '@concord/core';
import { createDocumentStore, createDynamoClient, createVersionStore } from '@concord/data';
import { documentFrom } from '@concord/sync';
import { contentHash } from '@concord/text';
import type { APIRequestContext } from '@playwright/test';
import * as Y from 'yjs';

export async function seedProbeVersions(input: { dynamoEndpoint: string; statements: readonly Statement[]; now: number }): Promise<void> {
  const store = { client: createDynamoClient({ endpoint: input.dynamoEndpoint }), tableName: 'concord' };
  const documents = createDocumentStore(store);
  const versions = createVersionStore(store);
  for (const statement of input.statements) {
    const doc = documentFrom(await documents.load({ docId: statement.id }));
    const version = { kind: 'checkpoint' as const, name: null, hash: contentHash({ doc }), createdAt: input.now, createdBy: null, authors: [], restoredFrom: null };
    await versions.append({ docId: statement.id, version, state: Y.encodeStateAsUpdateV2(doc) });
    doc.destroy();
  }
}

const done = (status: number, location: string | undefined) => status === 303 && (location ?? '').includes('done=');
let names = 0;

/** One version act on `statementId`; true when the server did it. */
export async function versionAct(input: { api: APIRequestContext; statementId: string; action: 'statement.name-version' | 'statement.restore-version' }): Promise<boolean> {
  const path = `/statements/${input.statementId}/versions`;
  const response =
    input.action === 'statement.name-version'
      ? await input.api.post(`${path}?/name`, { form: { name: `Probe ${(names += 1)}` } })
      : await input.api.post(`${path}?/restore`, { form: { seq: '1' } });
  return done(response.status(), response.headers().location);
}

/** Whether the history and the compare page both answer 200 (and never only one of them). */
export async function readsVersions(input: { api: APIRequestContext; statementId: string }): Promise<boolean | 'inconsistent'> {
  const path = `/statements/${input.statementId}/versions`;
  const [history, compare] = await Promise.all([input.api.get(path), input.api.get(`${path}/compare`)]);
  const [a, b] = [history.status() === 200, compare.status() === 200];
  return a === b ? a : 'inconsistent';
}
