/** Mail through Amazon SES (v2 `SendEmail`, simple content, a plain-text body). */
import { SESv2Client, SendEmailCommand, type SESv2ClientConfig } from '@aws-sdk/client-sesv2';
import type { Mailer } from './mail.ts';

/**
 * Sends from `from` (a verified identity). Credentials and region come from the environment
 * (Lambda) unless given; `endpoint` is for tests.
 */
export function createSesMailer(input: {
  from: string;
  region?: string;
  endpoint?: string;
  credentials?: SESv2ClientConfig['credentials'];
}): Mailer {
  const ses = new SESv2Client({
    ...(input.region ? { region: input.region } : {}),
    ...(input.endpoint ? { endpoint: input.endpoint } : {}),
    ...(input.credentials ? { credentials: input.credentials } : {}),
  });
  return {
    async send(mail) {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: input.from,
          Destination: { ToAddresses: [mail.to] },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
            },
          },
        }),
      );
    },
  };
}
