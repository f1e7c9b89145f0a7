// dynalite on a worker thread (see embedded.ts): the local host's store answers without taking
// the main event loop, which runs the gateway, the handlers and the web app. CommonJS, so it
// loads the same way under tsx, plain Node and vitest.
const { parentPort, workerData } = require('node:worker_threads');
const dynalite = require('dynalite');

const server = dynalite({ ...(workerData.path === null ? {} : { path: workerData.path }), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.once('error', (error) => parentPort.postMessage({ error: String(error && error.stack ? error.stack : error) }));
server.listen(workerData.port, workerData.host, () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  server.close(() => parentPort.postMessage({ closed: true }));
  server.closeIdleConnections();
});
