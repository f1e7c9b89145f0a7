/** A new password's refusal, shared by accepting an invitation and completing a reset. */
import { fail, passwordIssue, passwordProblem, type DomainError } from '@concord/core';

/** The refusal (its code the issue, `password.too-short`, …), or null when the password is acceptable. */
export function weakPassword(input: { password: string; email: string }): DomainError | null {
  const issue = passwordIssue(input);
  return issue ? fail.input(issue, passwordProblem(input) ?? issue) : null;
}
