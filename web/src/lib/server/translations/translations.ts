/**
 * Translations of a statement for the web app. Reading (the list, a translation beside its
 * source) needs `statement.read`; adding a language and marking a paragraph current need
 * `statement.translate` — the core policy decides on every request, and whoever may not read
 * the statement gets not-found, so a draft's translations never leak. Both decisions are audited.
 */
import { authorize, directionOf, fail, isTranslationLanguage, translationDocId, translationLanguages, type Principal, type Statement, type TaskForce, type TranslationLanguage } from '@concord/core';
import { recordAct } from '../audit.ts';
import { readableStatement } from '../statements.ts';
import type { TranslationsDeps } from './context.ts';

interface Found {
  statement: Statement;
  taskForce: TaskForce | null;
}

function mayTranslate(principal: Principal, found: Found): boolean {
  return authorize({ actor: principal, action: 'statement.translate', ...found }).allow;
}

function requireTranslate(principal: Principal, found: Found): void {
  const decision = authorize({ actor: principal, action: 'statement.translate', ...found });
  if (!decision.allow) throw fail.forbidden(decision.code, decision.reason);
}

const statementView = (s: Statement) => ({ id: s.id, title: s.title, language: s.language, dir: directionOf(s.language) });

/** A language from a URL: one the statement has, else not-found. */
async function existingLanguage(deps: TranslationsDeps, statementId: string, raw: string): Promise<TranslationLanguage> {
  const language = isTranslationLanguage(raw) ? raw : null;
  const listed = language ? (await deps.service.languages({ statementId })).includes(language) : false;
  if (!language || !listed) throw fail.notFound('translations.not-found', 'This statement has no translation into that language.');
  return language;
}

/** The list page: each translation with its completeness, and the languages one may still add. */
export async function translationList(input: { deps: TranslationsDeps; principal: Principal; statementId: string }) {
  const { deps, principal } = input;
  const found = await readableStatement({ directory: deps.directory, principal, id: input.statementId });
  const translations = await deps.service.list({ statementId: found.statement.id });
  const taken = new Set<string>([found.statement.language.split('-')[0]!, ...translations.map((t) => t.language)]);
  return {
    statement: statementView(found.statement),
    translations: translations.map((t) => ({ language: t.language, dir: t.dir, name: translationLanguages[t.language].name, summary: t.summary })),
    available: (Object.keys(translationLanguages) as TranslationLanguage[]).filter((l) => !taken.has(l)).map((l) => ({ language: l, name: translationLanguages[l].name })),
    canTranslate: mayTranslate(principal, found),
  };
}

/** Adds a language (audited); returns it. */
export async function addTranslation(input: { deps: TranslationsDeps; principal: Principal; statementId: string; language: string }): Promise<TranslationLanguage> {
  const { deps, principal } = input;
  const found = await readableStatement({ directory: deps.directory, principal, id: input.statementId });
  requireTranslate(principal, found);
  const now = deps.now();
  const by = { userId: principal.userId, organisationId: principal.organisationId };
  const added = await deps.service.add({ statementId: found.statement.id, sourceLanguage: found.statement.language, language: input.language, by, now });
  await recordAct({ audit: deps.audit, actor: principal, action: 'translation.added', subject: { kind: 'statement', id: found.statement.id }, details: { language: added.language }, now });
  return added.language;
}

/** One translation beside its source, as stored now (the page then follows both live). */
export async function translationPage(input: { deps: TranslationsDeps; principal: Principal; statementId: string; language: string }) {
  const { deps, principal } = input;
  const found = await readableStatement({ directory: deps.directory, principal, id: input.statementId });
  const language = await existingLanguage(deps, found.statement.id, input.language);
  const view = await deps.service.view({ statementId: found.statement.id, language });
  return {
    statement: statementView(found.statement),
    translation: { language, dir: directionOf(language), name: translationLanguages[language].name, docId: translationDocId({ statementId: found.statement.id, language }) },
    source: view.source,
    canTranslate: mayTranslate(principal, found),
  };
}

/** Marks the translation of source paragraph `source` current after review (audited, sent live). */
export async function markParagraphCurrent(input: { deps: TranslationsDeps; principal: Principal; statementId: string; language: string; source: number; hash: string }) {
  const { deps, principal } = input;
  const found = await readableStatement({ directory: deps.directory, principal, id: input.statementId });
  requireTranslate(principal, found);
  const statementId = found.statement.id;
  const language = await existingLanguage(deps, statementId, input.language);
  const update = await deps.service.markCurrent({ statementId, language, source: input.source, hash: input.hash });
  const author = `${principal.userId} ${principal.organisationId}`;
  await deps.live.broadcastUpdate({ docId: translationDocId({ statementId, language }), update, author });
  const now = deps.now();
  await recordAct({ audit: deps.audit, actor: principal, action: 'translation.marked-current', subject: { kind: 'statement', id: statementId }, details: { language, paragraph: input.source + 1, sourceHash: input.hash }, now });
}

/** For the ticket route: the translation's document id and what the person may do with it; null when hidden or absent. */
export async function translationTicketAccess(input: { deps: TranslationsDeps; principal: Principal; statementId: string; language: string }) {
  const { deps, principal } = input;
  const found = await readableStatement({ directory: deps.directory, principal, id: input.statementId });
  const language = await existingLanguage(deps, found.statement.id, input.language);
  return { docId: translationDocId({ statementId: found.statement.id, language }), access: mayTranslate(principal, found) ? ('write' as const) : ('read' as const) };
}
