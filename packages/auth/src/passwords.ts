/**
 * Passwords as argon2id (OWASP's parameters: 19 MiB, 2 passes, 1 lane), via @node-rs/argon2.
 * Verifying against a malformed or missing hash is false, never an exception.
 */
import { hash, verify } from '@node-rs/argon2';

const options = { memoryCost: 19_456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(input: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(input.hash, input.password);
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when there is no account, so that "no such account" takes as long as
 * "wrong password" and timing does not reveal who has an account.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that matches nothing');
  return decoy;
}
