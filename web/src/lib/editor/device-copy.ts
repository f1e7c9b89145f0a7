/**
 * A writer's copy of a statement kept on this device (IndexedDB, through y-indexeddb), so edits
 * made while the connection is down survive a closed tab or a restarted laptop and merge when the
 * editor next connects (issue #14 item 4). Yjs merges the copy like any other peer's state: what
 * the server already has changes nothing, what it lacks is uploaded.
 *
 * One copy per person and statement (`concord-statement:<user>:<statement>`), beside a count of
 * the changes not yet saved, in localStorage. Drafts under negotiation are confidential: signing
 * out deletes every copy on the device (`forgetDeviceCopies`), as it ends the session — after
 * asking, when some of their changes have not reached the hub (they would be lost).
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

const prefix = 'concord-statement:';

export function deviceCopyName(input: { userId: string; docId: string }): string {
  return `${prefix}${input.userId}:${input.docId}`;
}

/** Keeps `doc` on the device under `name`; null where the browser has no IndexedDB. */
export function keepOnDevice(input: { name: string; doc: Y.Doc }): IndexeddbPersistence | null {
  if (typeof indexedDB === 'undefined') return null;
  return new IndexeddbPersistence(input.name, input.doc);
}

/** How many changes of this copy wait to be saved, as last counted (0 when unknown). */
export function readWaiting(name: string, storage: Pick<Storage, 'getItem'> | null = localStorageOrNull()): number {
  const value = Number(storage?.getItem(`${name}:waiting`) ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export function writeWaiting(name: string, count: number, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = localStorageOrNull()): void {
  try {
    if (count > 0) storage?.setItem(`${name}:waiting`, String(count));
    else storage?.removeItem(`${name}:waiting`);
  } catch {
    // Storage full or refused: the count is a courtesy, the edits themselves are in IndexedDB.
  }
}

/** Changes kept on this device that have not reached the hub yet, over every copy (as last counted). */
export function unsavedOnDevice(storage: Pick<Storage, 'getItem'> & { readonly length: number; key(index: number): string | null } | null = localStorageOrNull()): number {
  if (!storage) return 0;
  let total = 0;
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith(prefix) && key.endsWith(':waiting')) total += readWaiting(key.slice(0, -':waiting'.length), storage);
  }
  return total;
}

/** Deletes every statement copy and count on this device (signing out). */
export async function forgetDeviceCopies(): Promise<void> {
  const storage = localStorageOrNull();
  if (storage) {
    for (const key of Object.keys(storage)) if (key.startsWith(prefix)) storage.removeItem(key);
  }
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => typeof name === 'string' && name.startsWith(prefix))
      .map((name) => new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      })),
  );
}

function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Deletes the device's copies before any sign-out form is sent (the header's or `/signout`'s),
 * then sends it as it was going to be sent — enhanced or not. With changes not yet saved it first
 * asks (`confirmLoss`, given how many): signing out then would delete them, so declining keeps the
 * session and the copies. Listens on `root` in the capture phase, so it runs before any handler of
 * the form itself. Returns the way to stop listening.
 */
export function forgetCopiesOnSignOut(root: Document, options: { confirmLoss?: (unsaved: number) => boolean } = {}): () => void {
  let forgotten = false;
  const onSubmit = (event: SubmitEvent) => {
    const form = event.target;
    if (forgotten || !(form instanceof HTMLFormElement)) return;
    if (new URL(form.action, root.baseURI).pathname !== '/signout') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const unsaved = unsavedOnDevice();
    if (unsaved > 0 && options.confirmLoss && !options.confirmLoss(unsaved)) return;
    const submitter = event.submitter instanceof HTMLElement ? event.submitter : null;
    void forgetDeviceCopies().finally(() => {
      forgotten = true;
      form.requestSubmit(submitter);
    });
  };
  root.addEventListener('submit', onSubmit, { capture: true });
  return () => root.removeEventListener('submit', onSubmit, { capture: true });
}
