/**
 * Negotiation acts for the authorization matrix, tried through the real endpoint
 * (`POST /statements/<id>/negotiation`) the way the editor sends them: anchors made from the
 * stored text, as a browser makes them from its copy. An act counts as allowed when the server
 * did it (200); the policy's refusals answer 403, a draft not shared 404.
 */
import type { Anchor } from '@concord/core';
import { createDocumentStore, createDynamoClient, createNegotiationStore } from '@concord/data';
import { documentFrom } from '@concord/sync';
import { anchorBetween, plainTextOf, textLeaves } from '@concord/text/anchors';
import type { APIRequestContext } from '@playwright/test';

function stores(dynamoEndpoint: string) {
  const store = { client: createDynamoClient({ endpoint: dynamoEndpoint }), tableName: 'concord' };
  return { documents: createDocumentStore(store), notes: createNegotiationStore(store) };
}

/** The anchor of `words` in the statement's stored text. */
export async function anchorOf(input: { dynamoEndpoint: string; docId: string; words: string }): Promise<Anchor> {
  const doc = documentFrom(await stores(input.dynamoEndpoint).documents.load({ docId: input.docId }));
  for (const text of textLeaves({ doc })) {
    const index = plainTextOf(text).indexOf(input.words);
    if (index >= 0) return anchorBetween({ from: { text, index }, to: { text, index: index + input.words.length } });
  }
  throw new Error(`no “${input.words}” in ${input.docId}`);
}

let proposals = 0;
/** An amendment proposed by the pen-holding organisation, stored directly: something to decide on. */
export async function seedAmendment(input: { dynamoEndpoint: string; docId: string; anchor: Anchor }): Promise<string> {
  proposals += 1;
  const id = `amd_01J0000000000000000000${String(proposals).padStart(4, '0')}`;
  await stores(input.dynamoEndpoint).notes.propose({
    amendment: {
      id, statementId: input.docId, anchor: input.anchor, original: 'Agreed', replacement: 'Settled', reason: 'Probe.',
      proposedBy: { userId: 'usr_probe', organisationId: 'org_probe', at: Date.now() },
      status: 'proposed', positions: [], decidedBy: null, applied: null, revertedBy: null,
    },
  });
  return id;
}

let brackets = 0;
/** An open bracket held by another organisation, straight in the store: a ruling then has something to lift. */
export async function seedBracket(input: { dynamoEndpoint: string; docId: string; anchor: Anchor }): Promise<string> {
  brackets += 1;
  const id = `brk_01J0000000000000000000${String(brackets).padStart(4, '0')}`;
  const by = { userId: 'usr_probe', organisationId: 'org_probe', at: Date.now() };
  await stores(input.dynamoEndpoint).notes.openBracket({
    bracket: {
      id, statementId: input.docId, anchor: input.anchor, quote: 'Agreed', openedBy: by, status: 'open',
      holders: [{ ...by, agreement: null }], alternatives: [], closedBy: null, chosenAlternativeId: null, applied: null, lift: null, ruling: null,
    },
  });
  return id;
}

/** Sends one act; true when the server did it. */
export async function negotiationAct(input: { api: APIRequestContext; docId: string; body: Record<string, unknown> }): Promise<boolean> {
  const response = await input.api.post(`/statements/${input.docId}/negotiation`, { data: input.body, headers: { accept: 'application/json' } });
  const status = response.status();
  if (status !== 200 && status !== 403 && status !== 404 && status !== 401) throw new Error(`negotiation ${String(input.body.op)}: unexpected ${status} ${await response.text()}`);
  return status === 200;
}
