/**
 * Mail for the local host: nothing is sent; each mail becomes a JSON file in `dir` that an
 * operator (or a test) reads. Files are written under a temporary name and renamed, so a reader
 * never sees half a mail.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mail, Mailer, Outbox, OutboxMail } from './mail.ts';

/**
 * Writes `<time>-<random>.json` (`to`, `subject`, `text`, `at`, `id`; the id is the name without
 * `.json`) into `dir`, created when missing. The time is ISO 8601 with `:` written as `-`, so the
 * names are valid on every file system and sort by time.
 */
export function createOutboxMailer(input: { dir: string; now?: () => number; random?: () => string }): Mailer & Outbox {
  const { dir } = input;
  const now = input.now ?? Date.now;
  const random = input.random ?? (() => crypto.randomUUID().slice(0, 8));
  return {
    async send(mail: Mail) {
      const at = now();
      const id = `${new Date(at).toISOString().replace(/:/g, '-')}-${random()}`;
      const stored: OutboxMail = { id, at, to: mail.to, subject: mail.subject, text: mail.text };
      await mkdir(dir, { recursive: true });
      const temporary = join(dir, `.${id}.tmp`);
      await writeFile(temporary, `${JSON.stringify(stored, null, 2)}\n`, { flag: 'wx' });
      await rename(temporary, join(dir, `${id}.json`));
    },

    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const mails = await Promise.all(names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => readMail(join(dir, n))));
      return mails.filter((m) => m !== null).sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    },
  };
}

/** A mail file, or null for anything else found in the directory. */
async function readMail(path: string): Promise<OutboxMail | null> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { id, at, to, subject, text } = value as Record<string, unknown>;
    if (typeof id !== 'string' || typeof at !== 'number' || typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string') return null;
    return { id, at, to, subject, text };
  } catch {
    return null;
  }
}
