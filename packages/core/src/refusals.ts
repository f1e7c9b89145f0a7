/**
 * Every reason the authorization policy refuses, each with a code of its own: the general code
 * (`forbidden.not-manager`) that HTTP answers, the websocket and tests know, then which refusal it
 * is (`.sharing`). The web app words a refusal in the reader's language by this code
 * (`web/src/lib/server/error-text.ts`), so rewording the English here never loses a translation.
 * A code with a single reason has nothing after its general code.
 */
export const refusals = {
  'auth.signed-out': 'Sign in first.',
  'forbidden.other-coalition': 'This belongs to another coalition.',
  'forbidden.not-shared': 'This statement is not shared with your organisation.',
  'forbidden.own-organisation': 'Nobody changes the standing of their own organisation; another manager does.',
  'forbidden.not-pen-holder': 'Only the pen-holders edit this text.',
  'forbidden.read-only.edit': 'Your organisation reads this draft; members edit it.',
  'forbidden.read-only.restore': 'Only those who edit the text restore a version.',
  'forbidden.cannot-comment': 'Your organisation reads this draft without commenting on it.',
  'forbidden.cannot-propose': 'Your organisation cannot propose amendments to this draft.',
  'forbidden.cannot-decide': 'The pen-holders (or the chair) decide on amendments to this draft.',
  'forbidden.cannot-name-version': 'Those who edit the text, the chair and the secretariat name versions.',
  'forbidden.cannot-translate': 'Those who edit the text translate it.',
  'forbidden.not-lead': "Only your organisation's lead, the chair or the secretariat manage its delegates.",
  'forbidden.not-member.brackets': 'Member organisations hold brackets.',
  'forbidden.not-member.positions': 'Member organisations take positions; others follow the call.',
  'forbidden.not-member.drafts': 'Member organisations start drafts.',
  'forbidden.chair-only.rule-bracket': 'Only the chair rules on a bracket.',
  'forbidden.chair-only.urgent-call': 'Only the chair shortens the notice of a consensus call.',
  'forbidden.chair-only.secretariat': 'Only the chair grants the secretariat role.',
  'forbidden.chair-only.hand': 'Only the chair hands the chair on.',
  'forbidden.not-manager.sharing': 'Only the chair and the secretariat change how a draft is shared.',
  'forbidden.not-manager.open-call': 'The chair (or the secretariat on its behalf) opens consensus calls.',
  'forbidden.not-manager.run-call': 'The chair (or the secretariat on its behalf) runs consensus calls.',
  'forbidden.not-manager.publish': 'The chair (or the secretariat on its behalf) publishes declarations.',
  'forbidden.not-manager.withdraw': 'The chair (or the secretariat on its behalf) withdraws declarations.',
  'forbidden.not-manager.sign-on': 'The chair (or the secretariat on its behalf) runs the sign-on.',
  'forbidden.not-manager.coalition': 'Only the chair and the secretariat manage the coalition.',
  'forbidden.not-manager.notice': 'Only the chair and the secretariat set the notice of consensus calls.',
  'forbidden.not-manager.audit': 'Only the chair and the secretariat read the audit log.',
} as const;

export type RefusalCode = keyof typeof refusals;

/** The general code a refusal answers with: its first two parts (`forbidden.not-manager`). */
export function generalCode(refusal: RefusalCode): string {
  return refusal.split('.').slice(0, 2).join('.');
}

const byReason = new Map<string, RefusalCode>(Object.entries(refusals).map(([code, reason]) => [`${generalCode(code as RefusalCode)}\n${reason}`, code as RefusalCode]));

/**
 * Which refusal a denial is — or the error made from it (`fail.forbidden(decision.code,
 * decision.reason)`) — as the policy made it: by its general code and reason. Null for one the
 * policy did not make.
 */
export function refusalOf(input: { code: string; reason: string }): RefusalCode | null {
  return byReason.get(`${input.code}\n${input.reason}`) ?? null;
}
