/**
 * Publication acts for the authorization matrix, through the chair's publication page's form
 * actions. The matrix statements are never adopted nor published, so an act the policy lets
 * through is refused by the rules that follow as a conflict (409: "not adopted", "not
 * published"); the policy's refusals answer 403, a draft not shared 404, the signed-out a
 * redirect to sign in. Nothing is ever published, withdrawn or opened.
 */
import type { APIRequestContext } from '@playwright/test';

export type PublicationAction = 'statement.publish' | 'publication.withdraw' | 'signon.manage';

const formFor: Record<PublicationAction, { action: string; form: Record<string, string> }> = {
  'statement.publish': { action: 'publish', form: {} },
  'publication.withdraw': { action: 'withdraw', form: { reason: 'Probe.' } },
  'signon.manage': { action: 'closeSignOn', form: {} },
};

/** True when the policy let the act through (the rules after it then refused it as a conflict). */
export async function publicationAct(input: { api: APIRequestContext; statementId: string; action: PublicationAction }): Promise<boolean> {
  const { action, form } = formFor[input.action];
  const response = await input.api.post(`/statements/${input.statementId}/publication?/${action}`, { form });
  return response.status() === 409;
}
