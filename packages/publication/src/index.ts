export { adoptedCall, authorizedFor, previewPublication, publish, withdrawPublication, type PublicNaming } from './service.ts';
export { closeSignOn, decideEndorsement, endorse, importSignatories, openSignOn } from './sign-on.ts';
export type * from './ports.ts';
