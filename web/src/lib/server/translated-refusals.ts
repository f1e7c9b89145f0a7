/**
 * A service's refusals in the reader's language: services word them in English, each area keeps
 * its own table of codes; unknown codes keep the English they came with.
 */
import { DomainError, isDomainError, refusalOf } from '@concord/core';

/**
 * `run`, with a refusal whose code is in `byCode` worded again in the reader's language. The
 * policy's own refusals pass untouched: `error-text.ts` words each by the refusal it is, which
 * its reason tells and a reworded message would hide.
 */
export function translatedBy(byCode: Record<string, () => string>) {
  return async function translated<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (caught) {
      const policy = isDomainError(caught) && refusalOf({ code: caught.code, reason: caught.message }) !== null;
      const text = isDomainError(caught) && !policy ? byCode[caught.code] : undefined;
      if (!isDomainError(caught) || !text) throw caught;
      throw new DomainError({ kind: caught.kind, code: caught.code, message: text(), cause: caught });
    }
  };
}
