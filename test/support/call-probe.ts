/**
 * Consensus call acts for the authorization matrix, through the real call page's form actions.
 * Each matrix statement gets a twin shared the same way (`callProbeStatementId`) with an open
 * call stored directly (every member organisation in its electorate): a statement under a call is
 * read-only on every path, so the other probes keep editing the originals. Then:
 * - `call.take-position`: recording a position (abstain) is done (303 with a notice);
 * - `call.manage`: extending the deadline (always later, with a reason) is done;
 * - `call.open`: a second call is refused as a conflict (409 "already open") only once the
 *   policy allowed the actor; the policy's refusals answer 403, a draft not shared 404, the
 *   signed-out a redirect to sign in. No call is ever opened, so no text is frozen.
 * - `call.open-urgent`: the same second call, a day away (below the 72 hours' notice) as an
 *   urgent procedure with a reason: 409 only when the actor may shorten the notice (403 otherwise).
 */
import { openedCall, type Organisation, type Statement } from '@concord/core';
import { createCallStore, createDynamoClient, createRepositories } from '@concord/data';
import type { APIRequestContext } from '@playwright/test';

const day = 86_400_000;

/** The twin of a matrix statement that carries its open probe call. */
export const callProbeStatementId = (statementId: string) => `${statementId}_CALL`;

export async function seedProbeCalls(input: { dynamoEndpoint: string; statements: readonly Statement[]; organisations: readonly Organisation[]; now: number }): Promise<void> {
  const store = { client: createDynamoClient({ endpoint: input.dynamoEndpoint }), tableName: 'concord' };
  const calls = createCallStore(store);
  const repositories = createRepositories(store);
  for (const original of input.statements) {
    const statement: Statement = { ...original, id: callProbeStatementId(original.id) };
    await repositories.statements.put(statement);
    const call = openedCall({
      id: `call_probe_${statement.id}`,
      statementId: statement.id,
      coalitionId: statement.coalitionId,
      version: { seq: 1, name: 'Probe', hash: '0'.repeat(64) },
      procedure: { kind: 'silence' },
      deadline: input.now + 30 * day,
      timeZone: 'UTC',
      resultsVisibility: 'after-close',
      electorate: input.organisations.filter((o) => o.tier === 'member' && o.coalitionId === statement.coalitionId).map((o) => o.id),
      openedBy: { userId: 'usr_probe', organisationId: 'org_probe', onBehalfOfChair: false },
      openedAt: input.now,
    });
    await calls.create(call);
  }
}

const done = (status: number, location: string | undefined) => status === 303 && (location ?? '').includes('done=');
let extensions = 0;

/** One call act on `statementId` through the form actions; true when the policy let it through. */
export async function callAct(input: {
  api: APIRequestContext;
  statementId: string;
  action: 'call.open' | 'call.open-urgent' | 'call.manage' | 'call.take-position';
  now: number;
}): Promise<boolean> {
  const statementId = callProbeStatementId(input.statementId);
  const { api } = input;
  const callId = `call_probe_${statementId}`;
  const path = `/statements/${statementId}/call`;
  if (input.action === 'call.take-position') {
    const response = await api.post(`${path}?/position`, { form: { callId, stance: 'abstain', explanation: 'Probe.' } });
    return done(response.status(), response.headers().location);
  }
  if (input.action === 'call.manage') {
    extensions += 1;
    const date = new Date(input.now + (30 + extensions) * day).toISOString().slice(0, 10);
    const response = await api.post(`${path}?/extend`, { form: { callId, date, time: '12:00', timeZone: 'UTC', reason: 'Probe.' } });
    return done(response.status(), response.headers().location);
  }
  const urgent = input.action === 'call.open-urgent';
  const at = new Date(input.now + (urgent ? day : 60 * day)).toISOString();
  const form = { procedure: 'silence', date: at.slice(0, 10), time: at.slice(11, 16), timeZone: 'UTC', resultsVisibility: 'after-close' };
  const response = await api.post(`${path}?/open`, { form: urgent ? { ...form, urgent: 'on', urgentReason: 'Probe.' } : form });
  return response.status() === 409;
}
