/**
 * What the coalition pages answer to a refusal of `@concord/coalition`, one place: the policy's
 * refusal becomes SvelteKit's `error` (403; 401 signed out), worded as `enforce` words it; invalid
 * input becomes the form's `input.<field>` DomainError, worded in the reader's language by the
 * registry's `coalition` area (the field beside which `act` shows it). Not-found and the rest
 * pass on as they are, for `act` and `loading`.
 */
import { isDomainError } from '@concord/core';
import { error } from '@sveltejs/kit';
import { wordsFor } from '../error-messages.ts';
import { invalid } from '../forms.ts';
import { statusForErrorKind } from '../http.ts';

/** Rethrows `caught` as the pages answer it. */
export function answerRefusal(caught: unknown): never {
  if (!isDomainError(caught)) throw caught;
  const { text, field } = wordsFor({ code: caught.code, message: caught.message, kind: caught.kind, area: 'coalition', details: caught.details });
  if (caught.kind === 'forbidden' || caught.kind === 'auth') error(statusForErrorKind(caught.kind), text);
  if (caught.kind === 'input') throw invalid({ ...(field ? { field } : {}), message: text });
  throw caught;
}

/** Runs a management act or view, its refusals answered as above. */
export async function managing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (caught) {
    answerRefusal(caught);
  }
}

/**
 * A package act as the pages and tests call it: the same input with the web's `context` in place
 * of the package's `ports` (the context satisfies them), its refusals answered as above.
 */
export function glued<Input extends { ports: object }, Result>(run: (input: Input) => Promise<Result>): (input: Omit<Input, 'ports'> & { context: Input['ports'] }) => Promise<Result> {
  return ({ context, ...rest }) => managing(() => run({ ...rest, ports: context } as unknown as Input));
}
