/**
 * The local host's secret key (encrypts TOTP keys at rest): `CONCORD_SECRET_KEY` when set, else
 * kept in `<data dir>/secret-key` (made on first start, readable by its owner only), so enrolled
 * two-factor keeps working across restarts. Without a data directory, a key per run.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function localSecretKey(input: { configured: string | undefined; dataDir: string | null }): Promise<string> {
  if (input.configured) return input.configured;
  const fresh = () => randomBytes(32).toString('base64');
  if (!input.dataDir) return fresh();
  const path = join(input.dataDir, 'secret-key');
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(input.dataDir, { recursive: true });
  const key = fresh();
  // `wx`: two hosts starting at once on one directory must not each write a different key.
  await writeFile(path, `${key}\n`, { flag: 'wx', mode: 0o600 }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await chmod(path, 0o600);
  return (await readFile(path, 'utf8')).trim();
}
