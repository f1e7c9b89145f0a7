/**
 * Exports for the authorization matrix: a statement's current text and its first stored version
 * (seeded by version-probe.ts) as files. Both answer 200 exactly when the statement may be
 * read (`statement.read`), else 404 (or, for the public, the redirect to sign in): a draft
 * never leaks through an export.
 */
import type { APIRequestContext } from '@playwright/test';

export async function readsExports(input: { api: APIRequestContext; statementId: string }): Promise<boolean | 'inconsistent'> {
  const base = `/statements/${input.statementId}`;
  const responses = await Promise.all([input.api.get(`${base}/export/markdown`), input.api.get(`${base}/versions/1/export/docx`)]);
  const statuses = responses.map((r) => r.status());
  if (statuses.every((s) => s === 200)) return true;
  return statuses.every((s) => s === 404 || s === 303) ? false : 'inconsistent';
}
