import { startEmbeddedDynamo } from '@concord/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIssuers } from '../reliability/editors.ts';
import { runFaultSeed } from '../reliability/fault-run.ts';

/** `pnpm test` runs a few seeds; `pnpm soak` runs CONCORD_FAULT_SEEDS (≥ 1,000) of them. */
const seeds = Array.from({ length: Number(process.env.CONCORD_FAULT_SEEDS ?? 6) }, (_, i) => i + 1);

describe('the local host behind a faulty network, restarted mid-run (dynalite)', () => {
  let dynamo: Awaited<ReturnType<typeof startEmbeddedDynamo>>;
  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo({ path: null });
  });
  afterAll(async () => {
    closeIssuers();
    await dynamo.close();
  });

  it.each(seeds)('converges every replica and the store, losing no update and storing nothing from the observer (seed %i)', async (seed) => {
    const result = await runFaultSeed({ seed, dynamoEndpoint: dynamo.endpoint });
    expect(result.converged, result.describe).toBe(true);
    expect(result.lostUpdates).toBe(0);
    expect(result.observerUpdatesStored).toBe(0);
    // The faults really happened.
    expect(result.faults.restarts).toBe(1);
    expect(result.faults.duplicated + result.faults.reordered).toBeGreaterThan(0);
    expect(result.faults.dropped).toBeGreaterThan(0);
  });
});
