// dynalite on a worker thread (see embedded.ts): the local host's store answers without taking
// the main event loop, which runs the gateway, the handlers and the web app. CommonJS, so it
// loads the same way under tsx, plain Node and vitest.
//
// It answers on its TCP port, and on the thread's message port (embedded-transport.ts): a
// request posted there is handed to dynalite's own request handler with a minimal request and
// response in place of the HTTP ones — the methods and fields dynalite's handler uses.
const { EventEmitter } = require('node:events');
const { parentPort, workerData } = require('node:worker_threads');
const dynalite = require('dynalite');

const server = dynalite({ ...(workerData.path === null ? {} : { path: workerData.path }), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.once('error', (error) => parentPort.postMessage({ error: String(error && error.stack ? error.stack : error) }));
server.listen(workerData.port, workerData.host, () => parentPort.postMessage({ port: server.address().port }));

function answer(message) {
  const req = new EventEmitter();
  req.method = message.method;
  req.url = message.url;
  req.headers = {};
  for (const [name, value] of Object.entries(message.headers)) req.headers[name.toLowerCase()] = value;
  const headers = {};
  const res = {
    statusCode: 200,
    setHeader: (name, value) => void (headers[name.toLowerCase()] = String(value)),
    end: (body) => {
      const bytes = body === undefined ? new Uint8Array(0) : Buffer.from(body);
      parentPort.postMessage({ transport: 'response', id: message.id, statusCode: res.statusCode, headers, body: bytes });
    },
  };
  server.emit('request', req, res);
  if (message.body.length > 0) req.emit('data', Buffer.from(message.body));
  req.emit('end');
}

parentPort.on('message', (message) => {
  if (message && message.transport === 'request') {
    try {
      answer(message);
    } catch (error) {
      const body = Buffer.from(JSON.stringify({ __type: 'com.amazon.coral.service#InternalFailure', message: String(error) }));
      parentPort.postMessage({ transport: 'response', id: message.id, statusCode: 500, headers: { 'content-type': 'application/x-amz-json-1.0' }, body });
    }
    return;
  }
  if (message !== 'close') return;
  server.close(() => parentPort.postMessage({ closed: true }));
  // Every connection, not only the idle ones: a client of another process (or a stale one of
  // this process for an earlier store on the same port) must not hold the close open.
  server.closeAllConnections();
});
