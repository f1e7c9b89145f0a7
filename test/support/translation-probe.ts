/**
 * Translation acts for the authorization matrix (`statement.translate`). Each matrix statement
 * gets a French translation, stored directly; the probe asks the translation's ticket route for a
 * ticket and tries to write to the translation's document over a real websocket (refused on the
 * server for a read ticket), and adds a language through the list page's form action (done, or
 * refused as already there, once the policy let it through). Both must agree.
 */
import type { Statement } from '@concord/core';
import { translationDocId } from '@concord/core';
import { createDynamoClient, createTranslationStore } from '@concord/data';
import { expect, type APIRequestContext } from '@playwright/test';
import { tryToWrite } from './write-probe.ts';

export async function seedProbeTranslations(input: { dynamoEndpoint: string; statements: readonly Statement[]; now: number }): Promise<void> {
  const store = createTranslationStore({ client: createDynamoClient({ endpoint: input.dynamoEndpoint }), tableName: 'concord' });
  for (const statement of input.statements) {
    await store.add({ translation: { statementId: statement.id, language: 'fr', createdAt: input.now, createdBy: { userId: 'usr_probe', organisationId: 'org_probe' } } });
  }
}

/** True when the person may translate `statementId`, through the real routes and socket. */
export async function translates(input: { api: APIRequestContext; statementId: string; hostUrl: string; dynamoEndpoint: string }): Promise<boolean> {
  const { api, statementId } = input;
  const ticket = await api.post(`/statements/${statementId}/translations/fr/ticket`);
  let wrote = false;
  if (ticket.status() === 200) {
    const { url } = (await ticket.json()) as { url: string };
    const docId = translationDocId({ statementId, language: 'fr' });
    wrote = await tryToWrite({ ticketUrl: new URL(url, input.hostUrl.replace('http', 'ws')).toString(), docId, dynamoEndpoint: input.dynamoEndpoint });
  }
  const add = await api.post(`/statements/${statementId}/translations?/add`, { form: { language: 'es' } });
  const added = (add.status() === 303 && (add.headers().location ?? '').includes('done=added')) || add.status() === 409;
  expect(added, `adding a language to ${statementId} agrees with writing its translation`).toBe(wrote);
  return wrote;
}
