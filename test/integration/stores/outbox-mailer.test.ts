import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOutboxMailer } from '@concord/data';
import { describe, expect, it, onTestFinished } from 'vitest';

function outboxDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'concord-outbox-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  return join(root, 'mail', 'outbox');
}

describe('createOutboxMailer', () => {
  it('writes each mail as a JSON file in a directory it creates, and nothing else', async () => {
    const dir = outboxDir();
    const at = Date.UTC(2026, 10, 23, 12, 30, 5, 250);
    const mailer = createOutboxMailer({ dir, now: () => at, random: () => 'r4nd' });
    await mailer.send({ to: 'ada@example.org', subject: 'Welcome', text: 'Open https://concord.example/invite/abc' });
    expect(readdirSync(dir)).toEqual(['2026-11-23T12-30-05.250Z-r4nd.json']);
    expect(JSON.parse(readFileSync(join(dir, '2026-11-23T12-30-05.250Z-r4nd.json'), 'utf8'))).toStrictEqual({
      id: '2026-11-23T12-30-05.250Z-r4nd',
      at,
      to: 'ada@example.org',
      subject: 'Welcome',
      text: 'Open https://concord.example/invite/abc',
    });
  });

  it('lists the mails newest first, skipping files that are not mails', async () => {
    const dir = outboxDir();
    let now = Date.UTC(2026, 10, 23, 12);
    const mailer = createOutboxMailer({ dir, now: () => now });
    expect(await mailer.list()).toEqual([]);
    for (const subject of ['first', 'second', 'third']) {
      await mailer.send({ to: 'ada@example.org', subject, text: subject });
      now += 1_000;
    }
    writeFileSync(join(dir, 'notes.json'), '{"hello":1}');
    writeFileSync(join(dir, 'broken.json'), '{');
    writeFileSync(join(dir, '.half-written.tmp'), '{');
    const listed = await mailer.list();
    expect(listed.map((m) => m.subject)).toEqual(['third', 'second', 'first']);
    expect(listed[0]).toMatchObject({ to: 'ada@example.org', text: 'third', at: Date.UTC(2026, 10, 23, 12) + 2_000 });
  });

  it('keeps every one of many mails sent at the same moment', async () => {
    const dir = outboxDir();
    const mailer = createOutboxMailer({ dir, now: () => 0 });
    await Promise.all(Array.from({ length: 20 }, (_, n) => mailer.send({ to: `p${n}@example.org`, subject: 's', text: 't' })));
    const listed = await mailer.list();
    expect(new Set(listed.map((m) => m.to)).size).toBe(20);
    expect(new Set(listed.map((m) => m.id)).size).toBe(20);
  });
});
