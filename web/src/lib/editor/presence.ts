/**
 * Who is here, from the awareness states of a document's clients. Awareness comes from other
 * browsers, so every field is checked; one person with several tabs is listed once.
 */
import { m } from '../paraglide/messages.js';
import { safeColor } from './colors.ts';

/** What each client publishes under awareness `user` (CollaborationCaret's field). */
export interface AwarenessUser {
  userId: string;
  name: string;
  organisation: string;
  color: string;
}

export interface Participant {
  /** The user id, or name and organisation when a client sent no id. */
  key: string;
  name: string;
  organisation: string;
  color: string;
  isSelf: boolean;
}

const maxLength = 80;

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().slice(0, maxLength);
  return trimmed.length > 0 ? trimmed : null;
}

/** The awareness `user` of a client, or null when it has none or it is malformed. */
export function readAwarenessUser(state: unknown): AwarenessUser | null {
  if (typeof state !== 'object' || state === null || !('user' in state)) return null;
  const user = state.user as Record<string, unknown> | null;
  if (typeof user !== 'object' || user === null) return null;
  const name = text(user.name);
  const organisation = text(user.organisation);
  if (!name || !organisation) return null;
  return { userId: text(user.userId) ?? '', name, organisation, color: safeColor(user.color) };
}

/** The people present: yourself first, then everyone else by name. */
export function participantsFrom(input: {
  states: ReadonlyMap<number, unknown>;
  selfClientId: number;
  locale?: string;
}): Participant[] {
  const byKey = new Map<string, Participant>();
  for (const [clientId, state] of input.states) {
    const user = readAwarenessUser(state);
    if (!user) continue;
    const key = user.userId || `${user.name}\u0000${user.organisation}`;
    const isSelf = clientId === input.selfClientId;
    const known = byKey.get(key);
    if (known) known.isSelf ||= isSelf;
    else byKey.set(key, { key, name: user.name, organisation: user.organisation, color: user.color, isSelf });
  }
  const byName = new Intl.Collator(input.locale ?? 'en').compare;
  return [...byKey.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || byName(a.name, b.name));
}

/**
 * Sentences announcing who arrived and who left between two lists (never yourself). "is here"
 * rather than "joined": people already present when you arrive are announced the same way.
 */
export function presenceChanges(input: { previous: readonly Participant[]; next: readonly Participant[] }): string[] {
  const before = new Map(input.previous.map((p) => [p.key, p]));
  const after = new Map(input.next.map((p) => [p.key, p]));
  const joined = input.next.filter((p) => !p.isSelf && !before.has(p.key));
  const left = input.previous.filter((p) => !p.isSelf && !after.has(p.key));
  return [
    ...joined.map((p) => m.editor_person_here({ name: p.name, organisation: p.organisation })),
    ...left.map((p) => m.editor_person_left({ name: p.name, organisation: p.organisation })),
  ];
}
