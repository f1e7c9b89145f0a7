import { isDomainError } from '@concord/core';

/** The DomainError code `work` threw, or null when it returned; anything else thrown is rethrown. */
export async function codeOf(work: () => Promise<unknown>): Promise<string | null> {
  try {
    await work();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return null;
}
