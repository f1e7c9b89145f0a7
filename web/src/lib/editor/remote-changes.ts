/**
 * Polite announcements of other people's changes to the text. A screen-reader user should know
 * the text moved under their cursor, and by whom, without hearing every keystroke: each person is
 * announced once, then not again until they have been quiet for a while.
 */
import * as Y from 'yjs';
import { m } from '../paraglide/messages.js';
import { readAwarenessUser } from './presence.ts';

/** How long a person must pause before their next change is announced again. */
export const remoteChangeQuietMs = 20_000;

export interface ChangeAuthor {
  /** The user id, or name and organisation when a client sent no id; '' for an unknown author. */
  key: string;
  name: string | null;
  organisation: string | null;
}

/**
 * Who wrote an update: the people (by awareness) behind the Yjs clients whose new content it
 * carries. A deletion alone carries no author in Yjs; it yields one unknown author.
 */
export function authorsOf(input: { update: Uint8Array; states: ReadonlyMap<number, unknown> }): ChangeAuthor[] {
  let clients: number[];
  try {
    clients = [...Y.parseUpdateMeta(input.update).to.keys()];
  } catch {
    return [];
  }
  const authors = new Map<string, ChangeAuthor>();
  for (const client of clients) {
    const user = readAwarenessUser(input.states.get(client));
    const key = user ? user.userId || `${user.name}\u0000${user.organisation}` : '';
    if (!authors.has(key)) authors.set(key, { key, name: user?.name ?? null, organisation: user?.organisation ?? null });
  }
  if (authors.size === 0) authors.set('', { key: '', name: null, organisation: null });
  return [...authors.values()];
}

/** Decides which changes are announced: one sentence per person per quiet period. */
export class RemoteChangeAnnouncer {
  readonly #quietMs: number;
  readonly #lastChange = new Map<string, number>();

  constructor(quietMs = remoteChangeQuietMs) {
    this.#quietMs = quietMs;
  }

  /** The sentences to announce for changes by `authors` at `now` (often none). */
  next(input: { authors: readonly ChangeAuthor[]; now: number }): string[] {
    const sentences: string[] = [];
    for (const author of input.authors) {
      const last = this.#lastChange.get(author.key);
      // Every change restarts the quiet period: a person typing steadily is announced once.
      this.#lastChange.set(author.key, input.now);
      if (last !== undefined && input.now - last < this.#quietMs) continue;
      sentences.push(
        author.name && author.organisation
          ? m.editor_remote_change({ name: author.name, organisation: author.organisation })
          : m.editor_remote_change_someone(),
      );
    }
    return sentences;
  }
}
