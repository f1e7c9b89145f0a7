import { isDomainError } from '../errors.ts';

/** What `run` refuses with: its DomainError's code, `'not a domain error'` for anything else thrown, null when it returns. */
export function codeOf(run: () => unknown): string | null {
  try {
    run();
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a domain error';
  }
  return null;
}
