import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

const root = '/repo';

describe('readConfig', () => {
  it('defaults to 127.0.0.1:3000, dynalite persisted under .data/, demo data, the built web app', () => {
    const config = readConfig({ env: {}, root, webBuilt: true });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      dataDir: '/repo/.data',
      secretKey: undefined,
      store: { kind: 'embedded', path: '/repo/.data/dynalite' },
      tableName: 'concord',
      seed: true,
      fixturesDir: '/shared/fixtures',
      webHandlerPath: '/repo/web/build/handler.js',
    });
    expect(config.limits.maxMessageBytes).toBe(32 * 1024);
  });

  it('keeps the store in memory for :memory: and under an absolute directory as given', () => {
    expect(readConfig({ env: { CONCORD_DATA_DIR: ':memory:' }, root, webBuilt: false })).toMatchObject({ dataDir: null, store: { kind: 'embedded', path: null } });
    expect(readConfig({ env: { CONCORD_DATA_DIR: '/tmp/x' }, root, webBuilt: false }).store).toEqual({ kind: 'embedded', path: '/tmp/x/dynalite' });
  });

  it('talks to another endpoint, or to AWS, only when told to', () => {
    expect(readConfig({ env: { DYNAMODB_ENDPOINT: 'http://db:8000' }, root, webBuilt: false }).store).toEqual({ kind: 'endpoint', endpoint: 'http://db:8000' });
    expect(readConfig({ env: { CONCORD_DYNAMODB: 'aws', AWS_REGION: 'eu-west-1' }, root, webBuilt: false }).store).toEqual({ kind: 'aws' });
  });

  it('owns the embedded store, and another endpoint only when told to', () => {
    expect(readConfig({ env: {}, root, webBuilt: false }).storeOwned).toBe(true);
    expect(readConfig({ env: { CONCORD_STORE_OWNED: '0' }, root, webBuilt: false }).storeOwned).toBe(false);
    expect(readConfig({ env: { DYNAMODB_ENDPOINT: 'http://db:8000' }, root, webBuilt: false }).storeOwned).toBe(false);
    expect(readConfig({ env: { DYNAMODB_ENDPOINT: 'http://db:8000', CONCORD_STORE_OWNED: '1' }, root, webBuilt: false }).storeOwned).toBe(true);
    expect(readConfig({ env: { CONCORD_DYNAMODB: 'aws', AWS_REGION: 'eu-west-1', CONCORD_STORE_OWNED: '1' }, root, webBuilt: false }).storeOwned).toBe(false);
  });

  it('skips seeding and the web app when switched off', () => {
    const config = readConfig({ env: { CONCORD_SEED: '0', CONCORD_WEB: '0' }, root, webBuilt: true });
    expect(config.seed).toBe(false);
    expect(config.webHandlerPath).toBeNull();
  });

  it('refuses a port that is not a port', () => {
    expect(() => readConfig({ env: { PORT: 'eighty' }, root, webBuilt: false })).toThrow(/PORT/);
    expect(() => readConfig({ env: { PORT: '70000' }, root, webBuilt: false })).toThrow(/PORT/);
  });

  it('shortens the gateway timeouts for tests, ignoring nonsense', () => {
    const config = readConfig({ env: { CONCORD_IDLE_TIMEOUT_MS: '500', CONCORD_MAX_CONNECTION_MS: '-3' }, root, webBuilt: false });
    expect(config.limits.idleTimeoutMs).toBe(500);
    expect(config.limits.maxConnectionMs).toBe(2 * 60 * 60_000);
  });
});
