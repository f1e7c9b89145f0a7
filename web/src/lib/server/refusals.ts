/**
 * What a page answers to a feature package's refusal, one place for every package whose pages
 * and tests call it with the web's `context` (coalition, accounts). The policy's refusal becomes
 * SvelteKit's `error` (403; 401 signed out); an input refusal whose words go on the form (the
 * area names a field, or the whole form) becomes the form's `input.<field>` error; any other
 * refusal keeps its code (a page may recognise it: a dead link, an email already taken) and
 * gains its words. All of them worded in the reader's language by the registry's area.
 */
import { DomainError, isDomainError } from '@concord/core';
import { error } from '@sveltejs/kit';
import { placesOnForm, wordsFor, type Area } from './error-messages.ts';
import { invalid } from './forms.ts';
import { statusForErrorKind } from './http.ts';

/** The three ways in, bound to the pages' area. */
export function refusalsOf(area: Area) {
  /** Rethrows `caught` as the pages answer it. */
  function answerRefusal(caught: unknown): never {
    if (!isDomainError(caught)) throw caught;
    const { kind, code, details } = caught;
    const { text, field } = wordsFor({ code, message: caught.message, kind, area, details });
    if (kind === 'forbidden' || kind === 'auth') error(statusForErrorKind(kind), text);
    if (kind === 'input' && placesOnForm(area, code)) throw invalid({ ...(field ? { field } : {}), message: text });
    throw new DomainError({ kind, code, message: text, details, cause: caught });
  }

  /** Runs an act or a view, its refusals answered as above. */
  async function managing<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (caught) {
      answerRefusal(caught);
    }
  }

  /**
   * A package act as the pages and tests call it: the same input with the web's `context` in
   * place of the package's `ports` (the context satisfies them), its refusals answered as above.
   */
  function glued<Input extends { ports: object }, Result>(run: (input: Input) => Promise<Result>): (input: Omit<Input, 'ports'> & { context: Input['ports'] }) => Promise<Result> {
    return ({ context, ...rest }) => managing(() => run({ ...rest, ports: context } as unknown as Input));
  }

  return { answerRefusal, managing, glued };
}
