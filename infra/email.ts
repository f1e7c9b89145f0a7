import { mailSender } from './secrets.ts';

/** SES identity for invitations and password resets; linking it grants the right to send. */
export const email = new sst.aws.Email('Mail', { sender: mailSender.value });
