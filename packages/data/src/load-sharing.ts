/**
 * One load of a document for everyone who asked while another was under way.
 *
 * Newcomers to a statement arrive together — a meeting starts, a host restarts and every socket
 * reconnects — and each one's sync step 1 loaded the same text: two round trips apiece (a Query
 * and the head's read), ten newcomers twenty, on a store that answers one request at a time.
 *
 * A load must hold every update acknowledged before it was *asked for* (the port's contract: a
 * newcomer registered in the room first, so what is acknowledged later reaches it by fan-out).
 * A load already under way may have read past an update acknowledged a moment ago, so it is
 * never joined. Instead, who asks while one is under way waits for the next, which starts once
 * the current one is over — after every such caller asked — and is shared by all of them: at
 * most one load per document in flight and one waiting, whatever the crowd.
 */
interface Loads<T> {
  running: Promise<T> | null;
  next: Promise<T> | null;
}

export function shareLoads<T>(load: (docId: string) => Promise<T>): (docId: string) => Promise<T> {
  const documents = new Map<string, Loads<T>>();

  function start(docId: string, loads: Loads<T>): Promise<T> {
    const running = load(docId);
    loads.running = running;
    const settled = () => {
      if (loads.running !== running) return;
      loads.running = null;
      if (!loads.next) documents.delete(docId);
    };
    running.then(settled, settled);
    return running;
  }

  return (docId) => {
    let loads = documents.get(docId);
    if (!loads) {
      loads = { running: null, next: null };
      documents.set(docId, loads);
    }
    if (!loads.running) return start(docId, loads);
    if (loads.next) return loads.next;
    const waiting = loads;
    const after = () => {
      waiting.next = null;
      return start(docId, waiting);
    };
    waiting.next = waiting.running!.then(after, after);
    return waiting.next;
  };
}
