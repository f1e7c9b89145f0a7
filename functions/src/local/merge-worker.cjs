// A compaction's merge on a worker thread (state-merger.ts): a snapshot and its tail of updates
// applied to a Y.Doc and encoded as one update, as @concord/sync's `mergeHere` does in process.
// CommonJS, so it loads the same way under tsx, plain Node and vitest.
const { parentPort } = require('node:worker_threads');
const Y = require('yjs');

parentPort.on('message', ({ id, snapshot, updates }) => {
  // No random guid per document (crypto): the same reason as the server's documents.
  const doc = new Y.Doc({ guid: 'concord-merge' });
  try {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const update of updates) Y.applyUpdate(doc, update);
    const merged = Y.encodeStateAsUpdate(doc);
    parentPort.postMessage({ id, merged }, [merged.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  } finally {
    doc.destroy();
  }
});
