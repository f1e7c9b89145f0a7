export { checkPassword, checkTwoFactorCode, type CodeCheck, type PasswordCheck } from './sign-in.ts';
export { describeDevice, readSession, startSession, type SessionState, type Started, type TokenChange } from './sessions.ts';
export { accountOverview, chooseLanguage, deleteAccount, exportAccount, formerDelegateName, revokeSession, signOutElsewhere, type AccountOverview, type SessionView } from './account.ts';
export { acceptInvitation, describeInvitation, displayNameLimit, nameProblem, type InvitationView } from './invitations.ts';
export { completeReset, nobodyUserId, requestReset, resetLifetimeMs, resetLinkWorks, type ResetRequest } from './reset.ts';
export { beginEnrolment, completeEnrolment, disableTwoFactor, resumeEnrolment, sealedFromField, sealedToField, totpIssuer, type Enrolment } from './two-factor.ts';
export type * from './ports.ts';
