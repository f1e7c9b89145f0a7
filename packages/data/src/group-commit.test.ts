import { describe, expect, it } from 'vitest';
import { createGroupCommit, type PendingAppend } from './group-commit.ts';

const bytes = (n: number) => new Uint8Array([n]);

function recordingWriter(input: { failBatch?: number } = {}) {
  const batches: number[][] = [];
  let release: () => void = () => {};
  const write = async ({ batch, admit }: { docId: string; batch: readonly PendingAppend[]; admit: () => void }) => {
    batches.push(batch.map((one) => one.update[0]!));
    admit();
    // The first batch stays in flight until released, so the next appends queue behind it.
    if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    if (batches.length === input.failBatch) throw new Error('the store went away');
    return { count: batches.length, bytes: 0 };
  };
  return { write, batches, release: () => release() };
}

describe('createGroupCommit', () => {
  it('writes the first append at once and the ones that arrive meanwhile as one batch', async () => {
    const writer = recordingWriter();
    const group = createGroupCommit(writer.write);
    const first = group.append({ docId: 'd', update: bytes(1), origin: 'a' });
    const rest = [2, 3, 4].map((n) => group.append({ docId: 'd', update: bytes(n), origin: 'b' }));
    const other = group.append({ docId: 'e', update: bytes(9), origin: 'c' });
    await other;
    writer.release();
    await Promise.all([first, ...rest]);
    expect(writer.batches).toEqual([[1], [9], [2, 3, 4]]);
  });

  it('[G7] fails every append of a batch that fails, and admits none of them before the check', async () => {
    const writer = recordingWriter({ failBatch: 2 });
    const group = createGroupCommit(writer.write);
    const admitted: number[] = [];
    const append = (n: number) => group.append({ docId: 'd', update: bytes(n), origin: 'o', admitted: () => admitted.push(n) });
    const first = append(1);
    const second = [append(2), append(3)];
    expect(admitted).toEqual([1]);
    writer.release();
    expect(await first).toEqual({ count: 1, bytes: 0 });
    for (const failed of await Promise.allSettled(second)) expect(failed.status).toBe('rejected');
    // The queue goes on after a failed batch.
    expect(await append(4)).toEqual({ count: 3, bytes: 0 });
  });
});
