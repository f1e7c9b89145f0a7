/**
 * An in-process local host for integration tests: embedded DynamoDB in memory, no web app, a free
 * port. `adapters` picks the local host's realtime adapters or the ones Lambda runs. Closed
 * automatically when the calling test finishes.
 */
import type { HostConfig } from '@concord/functions/local/config';
import { apiGatewayLimits, type GatewayLimits } from '@concord/functions/local/gateway-server';
import { startLocalHost, type LocalHost } from '@concord/functions/local/host';
import { onTestFinished } from 'vitest';

export async function startTestHost(
  input: { limits?: Partial<GatewayLimits>; adapters?: HostConfig['realtimeAdapters']; schemaGuard?: boolean; connectionBudget?: boolean; storeOwned?: boolean } = {},
): Promise<LocalHost & { dynamoEndpoint: string }> {
  const host = await startLocalHost({
    config: {
      host: '127.0.0.1',
      port: 0,
      dataDir: null,
      store: { kind: 'embedded', path: null },
      secretKey: undefined,
      demoAccountsFile: null,
      tableName: 'concord',
      seed: false,
      fixturesDir: '',
      webHandlerPath: null,
      limits: { ...apiGatewayLimits, ...input.limits },
      realtimeAdapters: input.adapters ?? 'local',
      // These suites type into a plain Y.Text, not a statement; the hostile-input suite turns it on.
      schemaGuard: input.schemaGuard ?? false,
      // The fuzzers send thousands of frames as fast as the host answers: a flood by design.
      connectionBudget: input.connectionBudget ?? false,
      // As on a laptop: the embedded store is this process's alone, so freezes pass its fence.
      storeOwned: input.storeOwned ?? true,
    },
  });
  onTestFinished(() => host.close());
  return { ...host, dynamoEndpoint: host.dynamoEndpoint ?? '' };
}
