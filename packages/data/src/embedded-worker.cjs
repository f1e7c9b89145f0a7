// dynalite on a worker thread (see embedded.ts): the local host's store answers without taking
// the main event loop, which runs the gateway, the handlers and the web app. CommonJS, so it
// loads the same way under tsx, plain Node and vitest.
//
// It answers on its TCP port, and on the thread's message port (embedded-transport.ts): a
// command posted there is run by the SDK client below (worker-client.ts is its other end), and an
// SDK's HTTP request posted there (a client made with `sdkOnWorker: false`) is answered as such.
// Either way dynalite's own request handler answers it, with a minimal request and response in
// place of the HTTP ones — the methods and fields dynalite's handler uses.
const { EventEmitter } = require('node:events');
const { parentPort, workerData } = require('node:worker_threads');
const dynalite = require('dynalite');
const base = require('@aws-sdk/client-dynamodb');
const lib = require('@aws-sdk/lib-dynamodb');

/**
 * dynalite reads a table's description from LevelDB on every request (`getTable`): 18 % of this
 * thread while a thousand sockets connected. A description changes only when a table is created,
 * updated or deleted, and each of those writes it through the same sub-database: so it is kept
 * here as JSON text — every reader still gets an object of its own, as from LevelDB (updateTable
 * and deleteTable change the one they read) — and forgotten at every write, both when the write
 * starts and when it has landed, so that a read racing a write never keeps what it replaced.
 */
function keepTableDescriptions(store) {
  const tables = store.tableDb;
  const { get, put, del } = tables;
  const kept = new Map();
  let writes = 0;
  const forget = () => {
    writes += 1;
    kept.clear();
  };
  tables.get = (name, callback) => {
    if (typeof callback !== 'function') return get(name);
    const text = kept.get(name);
    if (text !== undefined) return void setImmediate(callback, null, JSON.parse(text));
    const before = writes;
    get(name, (error, table) => {
      if (!error && table && writes === before) kept.set(name, JSON.stringify(table));
      callback(error, table);
    });
  };
  for (const [method, write] of [['put', put], ['del', del]]) {
    tables[method] = (...args) => {
      forget();
      const callback = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      if (!callback) return Promise.resolve(write(...args)).finally(forget);
      write(...args, (...result) => {
        forget();
        callback(...result);
      });
    };
  }
  return store;
}
const dynaliteDb = require('dynalite/db');
const createStore = dynaliteDb.create;
dynaliteDb.create = (options) => keepTableDescriptions(createStore(options));

const server = dynalite({ ...(workerData.path === null ? {} : { path: workerData.path }), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.once('error', (error) => parentPort.postMessage({ error: String(error && error.stack ? error.stack : error) }));
server.listen(workerData.port, workerData.host, () => parentPort.postMessage({ port: server.address().port }));

function answer(message, reply) {
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
      reply({ statusCode: res.statusCode, headers, body: bytes });
    },
  };
  server.emit('request', req, res);
  const body = message.body;
  // Bytes viewed, not copied through `Buffer.from(body)`: the SDK's body warns when treated as a string.
  const bytes = body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : Buffer.from(body || '');
  if (bytes.length > 0) req.emit('data', bytes);
  req.emit('end');
}

/** dynalite's answer to one HTTP-shaped request, or the 500 DynamoDB gives when it fails. */
function answered(message) {
  return new Promise((resolve) => {
    try {
      answer(message, resolve);
    } catch (error) {
      const body = Buffer.from(JSON.stringify({ __type: 'com.amazon.coral.service#InternalFailure', message: String(error) }));
      resolve({ statusCode: 500, headers: { 'content-type': 'application/x-amz-json-1.0' }, body });
    }
  });
}

// The SDK client of this process's stores, here rather than on the caller's event loop: the
// profiler found the SDK (middleware, endpoint resolution, schema serde) at 35-45 % of the local
// host's main thread. Configured as client.ts configures one for an embedded store, and its
// requests handed to dynalite in this thread.
const sdk = lib.DynamoDBDocumentClient.from(
  new base.DynamoDBClient({
    endpoint: `http://127.0.0.1:${workerData.port}`,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // Not signed: the request never leaves this thread, and dynalite checks only that a
    // signature's header is there (the handler writes one of the right shape).
    httpAuthSchemes: [{ schemeId: 'aws.auth#sigv4', identityProvider: (config) => config.getIdentityProvider('aws.auth#sigv4'), signer: { sign: async (request) => request } }],
    requestHandler: {
      async handle(request) {
        const query = new URLSearchParams(request.query || {}).toString();
        const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
        const authorization = `AWS4-HMAC-SHA256 Credential=local/${date.slice(0, 8)}/local/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=unsigned`;
        const headers = { ...request.headers, 'x-amz-date': date, authorization };
        const reply = await answered({ method: request.method, url: query ? `${request.path}?${query}` : request.path, headers, body: request.body });
        return { response: reply };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
      destroy() {},
    },
  }),
  { marshallOptions: { removeUndefinedValues: true } },
);

/** An SDK error as plain data: its class is found again by name on the other side. */
function errorData(error) {
  const fields = {};
  for (const [name, value] of Object.entries(error || {})) if (name !== '$response') fields[name] = value;
  return { name: (error && error.name) || 'Error', message: (error && error.message) || String(error), fields };
}

async function run(message) {
  let result;
  try {
    const Command = (message.module === 'lib' ? lib : base)[message.name];
    if (typeof Command !== 'function') throw new Error(`unknown DynamoDB command ${message.name}`);
    result = { transport: 'result', id: message.id, output: await sdk.send(new Command(message.input)) };
  } catch (error) {
    result = { transport: 'result', id: message.id, error: errorData(error) };
  }
  try {
    parentPort.postMessage(result);
  } catch (error) {
    // Something in it cannot be cloned: the caller still gets an answer, never a wait forever.
    const failed = result.error ?? { name: 'Error', message: `the store's answer could not be passed on: ${String(error)}`, fields: {} };
    parentPort.postMessage({ transport: 'result', id: message.id, error: { name: failed.name, message: failed.message, fields: { $metadata: failed.fields.$metadata } } });
  }
}

parentPort.on('message', (message) => {
  if (message && message.transport === 'command') return void run(message);
  if (message && message.transport === 'request') {
    void answered(message).then((reply) => parentPort.postMessage({ transport: 'response', id: message.id, ...reply }));
    return;
  }
  if (message !== 'close') return;
  server.close(() => parentPort.postMessage({ closed: true }));
  // Every connection, not only the idle ones: a client of another process (or a stale one of
  // this process for an earlier store on the same port) must not hold the close open.
  server.closeAllConnections();
});
