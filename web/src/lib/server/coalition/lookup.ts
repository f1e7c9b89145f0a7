/** Finding what a management action is about, within the actor's coalition (else: not found): `@concord/coalition`'s. */
export { newId, organisationIn, personIn, taskForceIn } from '@concord/coalition';
