export { addOrganisation, changeOrganisation, handChair, nameLimit } from './organisations.ts';
export { createTaskForce, deleteTaskForce, setTaskForceMember } from './task-forces.ts';
export { cancelInvitation, invitationLifetimeMs, invitePerson, inviteeNameLimit, removeDelegate, setOrganisationLead, setSecretariat } from './people.ts';
export { setNotice } from './notice.ts';
export { coalitionLanding, coalitionPage, organisationPage, type CoalitionPage, type OrganisationPage } from './overview.ts';
export { allowed, newId, organisationIn, personIn, taskForceIn } from './lookup.ts';
export type * from './ports.ts';
