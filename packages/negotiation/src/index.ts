export { negotiate, actionFor } from './service.ts';
export { negotiationState } from './state.ts';
export { isTextClean, bracketSummaryOf } from './clean.ts';
export { readOp, negotiationOps, type NegotiationOp } from './input.ts';
export { mentionable } from './mentions.ts';
export { negotiationNotice } from './record.ts';
export type { NegotiationAction, Negotiating } from './access.ts';
export type * from './ports.ts';
export type * from './view.ts';
