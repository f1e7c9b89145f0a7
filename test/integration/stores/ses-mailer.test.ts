import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSesMailer } from '@concord/data';
import { describe, expect, it, onTestFinished } from 'vitest';

/** A stand-in for SES v2: records each request body and answers as SendEmail does. */
async function startSes(input: { status: number; body: string; errorType?: string }) {
  const received: { method: string; path: string; body: unknown }[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({ method: request.method ?? '', path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    response.writeHead(input.status, { 'content-type': 'application/json', ...(input.errorType ? { 'x-amzn-errortype': input.errorType } : {}) });
    response.end(input.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const mailer = createSesMailer({
    from: 'Concord <no-reply@concord.example>',
    region: 'eu-west-1',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return { received, mailer };
}

describe('createSesMailer', () => {
  it('sends one plain-text mail from the configured address', async () => {
    const { received, mailer } = await startSes({ status: 200, body: '{"MessageId":"m1"}' });
    await mailer.send({ to: 'ada@example.org', subject: 'Réinitialiser', text: 'Open https://concord.example/reset/abc' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', path: '/v2/email/outbound-emails' });
    expect(received[0]?.body).toStrictEqual({
      FromEmailAddress: 'Concord <no-reply@concord.example>',
      Destination: { ToAddresses: ['ada@example.org'] },
      Content: {
        Simple: {
          Subject: { Data: 'Réinitialiser', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Open https://concord.example/reset/abc', Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('fails when SES refuses the mail', async () => {
    const { mailer } = await startSes({ status: 400, body: '{"message":"Email address is not verified."}', errorType: 'MessageRejected' });
    await expect(mailer.send({ to: 'ada@example.org', subject: 's', text: 't' })).rejects.toMatchObject({ name: 'MessageRejected' });
  });
});
