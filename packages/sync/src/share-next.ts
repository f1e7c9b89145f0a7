/**
 * One run of a document's task for everyone who asked while another was under way.
 *
 * People arrive and leave together — a meeting starts, a host restarts and every socket
 * reconnects, a meeting ends — and each of them asked for the same work on the same statement:
 * a load of the text for each newcomer (two round trips apiece), a compaction and a version
 * checkpoint for each editor who left last at the same moment.
 *
 * Such a task must see everything that happened before it was *asked for* (a load: every update
 * acknowledged by then). A run already under way may have read past what happened a moment ago,
 * so it is never joined. Instead, who asks while one is under way waits for the next, which
 * starts once the current one is over — after every such caller asked — and is shared by all of
 * them: at most one run per document in flight and one waiting, whatever the crowd.
 */
interface Runs<T> {
  running: Promise<T> | null;
  next: Promise<T> | null;
}

export function shareNext<T>(task: (docId: string) => Promise<T>): (docId: string) => Promise<T> {
  const documents = new Map<string, Runs<T>>();

  function start(docId: string, runs: Runs<T>): Promise<T> {
    const running = task(docId);
    runs.running = running;
    const settled = () => {
      if (runs.running !== running) return;
      runs.running = null;
      if (!runs.next) documents.delete(docId);
    };
    running.then(settled, settled);
    return running;
  }

  return (docId) => {
    let runs = documents.get(docId);
    if (!runs) {
      runs = { running: null, next: null };
      documents.set(docId, runs);
    }
    if (!runs.running) return start(docId, runs);
    if (runs.next) return runs.next;
    const waiting = runs;
    const after = () => {
      waiting.next = null;
      return start(docId, waiting);
    };
    waiting.next = waiting.running!.then(after, after);
    return waiting.next;
  };
}
