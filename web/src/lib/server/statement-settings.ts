/**
 * Starting a statement and changing how it is shared: title, language (new ones only), scope
 * (coalition, members, a task force), the advisory and observer switches, and pen-holders. A
 * change closes every open editor of the draft, so each reconnects with its new access (or is
 * refused, and says so).
 */
import { authorize, isDomainError, Scope, statementAccess, type Principal, type Statement, type TaskForce, type Visibility } from '@concord/core';
import { checkTextLimits } from '@concord/export';
import { markdownToYUpdate } from '@concord/text';
import { error } from '@sveltejs/kit';
import { m } from '../paraglide/messages.js';
import { recordAct } from './audit.ts';
import { newId } from './coalition/lookup.ts';
import type { WebContext } from './context.ts';
import { importProblem } from './exports/labels.ts';
import { checkbox, invalid, listField, textField } from './forms.ts';
import { enforce } from './guard.ts';
import { findAccessibleStatement } from './statements.ts';

/** Languages offered for a new statement (BCP 47). */
export const languages = ['en', 'fr', 'es', 'ar', 'zh-TW', 'zh-CN', 'ru', 'pt', 'de', 'ja', 'ko', 'sw'] as const;

/** The sharing fields as posted, before they are checked against the coalition. */
export interface SettingsFields {
  title: string;
  scope: string;
  taskForceId: string;
  advisory: boolean;
  observers: boolean;
  penHolderIds: string[];
  advisoryParticipation: boolean;
  amendmentDecisions: string;
}

export function readSettingsFields(form: FormData): SettingsFields {
  return {
    title: textField(form, 'title', 300),
    scope: textField(form, 'scope', 20),
    taskForceId: textField(form, 'taskForceId', 80),
    advisory: checkbox(form, 'advisory'),
    observers: checkbox(form, 'observers'),
    penHolderIds: listField(form, 'penHolderIds'),
    advisoryParticipation: checkbox(form, 'advisoryParticipation'),
    amendmentDecisions: textField(form, 'amendmentDecisions', 20),
  };
}

type Context = Pick<WebContext, 'directory' | 'documents' | 'audit' | 'realtime'>;

/** What the form offers: member organisations (pen-holders) and task forces of the coalition. */
export async function settingsOptions(input: { context: Context; actor: Principal }) {
  const { directory } = input.context;
  const [organisations, taskForces] = await Promise.all([directory.organisations.listByCoalition(input.actor.coalitionId), directory.taskForces.listByCoalition(input.actor.coalitionId)]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');
  return {
    members: organisations.filter((org) => org.tier === 'member').map((org) => ({ id: org.id, name: org.name })).sort(byName),
    taskForces: taskForces.map((tf) => ({ id: tf.id, name: tf.name })).sort(byName),
  };
}

/** Checks the fields against the coalition: a real title, a known scope and task force, member pen-holders. */
/** The settings a statement keeps, checked. */
export type ResolvedSettings = Pick<Statement, 'title' | 'visibility' | 'penHolderIds' | 'advisoryParticipation' | 'amendmentDecisions'> & { taskForce: TaskForce | null };

export async function resolveSettings(input: { context: Context; actor: Principal; fields: SettingsFields }): Promise<ResolvedSettings> {
  const { context, actor, fields } = input;
  const title = fields.title.trim();
  if (!title) throw invalid({ field: 'title', message: m.settings_title_missing() });
  const scope = Object.values(Scope).find((s) => s === fields.scope);
  if (!scope) throw invalid({ field: 'scope', message: m.settings_scope_missing() });
  let taskForce: TaskForce | null = null;
  if (scope === 'task-force') {
    taskForce = fields.taskForceId ? await context.directory.taskForces.get(fields.taskForceId) : null;
    if (!taskForce || taskForce.coalitionId !== actor.coalitionId) throw invalid({ field: 'taskForceId', message: m.settings_task_force_missing() });
  }
  const { members } = await settingsOptions(input);
  const memberIds = new Set(members.map((m) => m.id));
  const penHolderIds = [...new Set(fields.penHolderIds)];
  if (penHolderIds.some((id) => !memberIds.has(id))) throw invalid({ field: 'penHolderIds', message: m.settings_pen_holders_members() });
  const visibility: Visibility = { scope, taskForceId: taskForce?.id ?? null, advisory: fields.advisory, observers: fields.observers };
  const amendmentDecisions = fields.amendmentDecisions === 'chair' ? 'chair' : 'editors';
  return { title, visibility, penHolderIds, advisoryParticipation: fields.advisoryParticipation, amendmentDecisions, taskForce };
}

/** "members; advisory: no; observers: no; pen: 2" — for the audit log's before/after. */
export function sharingSummary(statement: Pick<Statement, 'title' | 'visibility' | 'penHolderIds' | 'advisoryParticipation' | 'amendmentDecisions'>): string {
  const { visibility } = statement;
  const scope = visibility.scope === 'task-force' ? `task-force ${visibility.taskForceId}` : visibility.scope;
  const yes = (flag: boolean) => (flag ? 'yes' : 'no');
  return `${scope}; advisory: ${yes(visibility.advisory)}; observers: ${yes(visibility.observers)}; pen-holders: ${statement.penHolderIds.join(',') || 'none'}; advisory takes part: ${yes(statement.advisoryParticipation)}; decisions: ${statement.amendmentDecisions}`;
}

export async function createStatement(input: { context: Context; actor: Principal; fields: SettingsFields; language: string; markdown: string; now: number }): Promise<Statement> {
  const { context, actor, now } = input;
  enforce(authorize({ actor, action: 'statement.create', coalitionId: actor.coalitionId }));
  const language = languages.find((tag) => tag === input.language);
  if (!language) throw invalid({ field: 'language', message: m.settings_language_missing() });
  const settings = await resolveSettings(input);
  const { taskForce, ...kept } = settings;
  const statement: Statement = { id: newId('stmt', now), coalitionId: actor.coalitionId, language, ...kept, createdAt: now, updatedAt: now };
  if (statementAccess({ actor, statement, taskForce }) === 'none') {
    throw invalid({ field: 'scope', message: m.settings_would_lose_access() });
  }
  if (input.markdown.trim()) {
    checkTypedText(input.markdown);
    await context.documents.appendUpdate({ docId: statement.id, update: markdownToYUpdate({ markdown: input.markdown }), origin: actor.userId });
  }
  await context.directory.statements.put(statement);
  await recordAct({ audit: context.audit, actor, action: 'statement.created', subject: { kind: 'statement', id: statement.id }, details: { title: statement.title, language, sharing: sharingSummary(statement) }, now });
  return statement;
}

/** Typed text within the limits an imported one has (a lexer must never see thousands of nested levels). */
function checkTypedText(markdown: string): void {
  try {
    checkTextLimits({ markdown });
  } catch (caught) {
    if (!isDomainError(caught)) throw caught;
    throw invalid({ field: 'markdown', message: importProblem(caught.code) ?? caught.message });
  }
}

/** Loads a statement for its settings page: hidden (404) when not shared with the actor, 403 when they may not configure it. */
export async function configurableStatement(input: { context: Context; actor: Principal; id: string }) {
  const found = await findAccessibleStatement({ directory: input.context.directory, principal: input.actor, id: input.id });
  // Missing and not shared look the same, so a draft's existence does not leak.
  if (!found) error(404, m.statement_not_found());
  enforce(authorize({ actor: input.actor, action: 'statement.configure', ...found }));
  return found;
}

export async function changeSettings(input: { context: Context; actor: Principal; statementId: string; fields: SettingsFields; now: number }): Promise<{ changed: boolean }> {
  const { context, actor, now } = input;
  const { statement } = await configurableStatement({ context, actor, id: input.statementId });
  const settings = await resolveSettings(input);
  const { taskForce: _taskForce, ...kept } = settings;
  const next: Statement = { ...statement, ...kept, updatedAt: now };
  const before = sharingSummary(statement);
  const after = sharingSummary(next);
  if (before === after && statement.title === next.title) return { changed: false };
  await context.directory.statements.put(next);
  await recordAct({
    audit: context.audit,
    actor,
    action: 'statement.sharing-changed',
    subject: { kind: 'statement', id: statement.id },
    details: { title: next.title, ...(statement.title !== next.title ? { previousTitle: statement.title } : {}), before, after },
    now,
  });
  await context.realtime.evictDocument({ docId: statement.id, reason: 'access.sharing-changed' });
  return { changed: true };
}
