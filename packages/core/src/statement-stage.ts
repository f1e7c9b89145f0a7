/**
 * Where a statement is in its life (DESIGN.md §2), from its calls and its publication, and what
 * that means for its text: once under a call or adopted, the text never changes again on any path
 * (issue 13, item 5). Pure.
 */
import type { StatementAccess } from './policy.ts';

export type StatementStage = 'draft' | 'under-call' | 'adopted' | 'published' | 'withdrawn';

/** The stage from the statement's calls (any order) and its publication's status, if published. */
export function statementStage(input: {
  calls: readonly { status: string; outcome: { result: string } | null }[];
  publication: { status: 'published' | 'withdrawn' } | null;
}): StatementStage {
  if (input.publication) return input.publication.status;
  if (input.calls.some((c) => c.outcome?.result === 'adopted')) return 'adopted';
  if (input.calls.some((c) => c.status === 'open')) return 'under-call';
  return 'draft';
}

/** Whether the text is fixed: only a draft's text changes. */
export function isTextFixed(input: { stage: StatementStage; frozen: boolean }): boolean {
  return input.frozen || input.stage !== 'draft';
}

/** What the person may do with the text now: a fixed text is read, whoever reads it. */
export function textAccess(input: { access: StatementAccess; stage: StatementStage; frozen: boolean }): StatementAccess {
  if (input.access === 'none') return 'none';
  return isTextFixed(input) ? 'read' : input.access;
}
