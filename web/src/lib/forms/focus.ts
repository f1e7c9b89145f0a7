/**
 * Where focus goes after an enhanced form post — the pure part of `enhance.ts`, kept free of the
 * DOM so it is tested without a browser. The page is described by what it shows once the answer
 * has been applied; the choice follows what a page renders without JavaScript (the message takes
 * focus through `autofocus`), so both paths end in the same place.
 */

/** What an action answered, as SvelteKit's `ActionResult['type']`. */
export type Outcome = 'success' | 'failure' | 'redirect' | 'error';

/** The candidates on the page after the answer, each list in document order. */
export interface FocusCandidates<Target> {
  /** Error messages (`role="alert"`) the form itself points at, or beside it in its section. */
  formErrors: readonly Target[];
  /** Fields of the form marked `aria-invalid="true"`. */
  invalidFields: readonly Target[];
  /** Error messages anywhere on the page. */
  pageErrors: readonly Target[];
  /** Status messages (`role="status"`) anywhere on the page: the "saved" notices. */
  pageNotices: readonly Target[];
  /** The page's main heading, for an error page that has nothing else to say. */
  heading: Target | null;
}

/**
 * The element to focus after an answer, or null to leave focus where it is. A failure goes to the
 * form's own error message, else its first invalid field, else any error on the page; a success
 * or a redirect goes to the notice saying what happened; an error page to its message or heading.
 */
export function focusTarget<Target>(input: { outcome: Outcome; candidates: FocusCandidates<Target> }): Target | null {
  const { outcome, candidates } = input;
  switch (outcome) {
    case 'failure':
      return candidates.formErrors[0] ?? candidates.invalidFields[0] ?? candidates.pageErrors[0] ?? null;
    case 'success':
    case 'redirect':
      return candidates.pageNotices[0] ?? candidates.pageErrors[0] ?? null;
    case 'error':
      return candidates.pageErrors[0] ?? candidates.heading;
  }
}
