import { describe, expect, it } from 'vitest';
import { shareNext } from './share-next.ts';

/** A load whose answers the test gives, one by one; `started` lists the documents in start order. */
function controlledLoads() {
  const started: string[] = [];
  const pending: { docId: string; resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  const load = (docId: string) =>
    new Promise<string>((resolve, reject) => {
      started.push(docId);
      pending.push({ docId, resolve, reject });
    });
  /** Settles the oldest load still pending; answers `<docId>#<how many loads had started>`. */
  const finish = async (error?: Error) => {
    const oldest = pending.shift()!;
    if (error) oldest.reject(error);
    else oldest.resolve(`${oldest.docId}#${started.length}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { load, started, finish };
}

describe('shareNext', () => {
  it('starts at once when nothing is under way; who asks meanwhile shares one load that starts after it', async () => {
    const { load, started, finish } = controlledLoads();
    const shared = shareNext(load);
    const first = shared('d');
    const later = [shared('d'), shared('d'), shared('d')];
    expect(started).toEqual(['d']);
    await finish();
    expect(await first).toBe('d#1');
    // The waiting load starts only now, after all three asked.
    expect(started).toEqual(['d', 'd']);
    await finish();
    expect(await Promise.all(later)).toEqual(['d#2', 'd#2', 'd#2']);
  });

  it('never hands a caller a load that started before it asked', async () => {
    const { load, started, finish } = controlledLoads();
    const shared = shareNext(load);
    const answers: Promise<string>[] = [];
    const startedBeforeAsking: number[] = [];
    const ask = () => {
      startedBeforeAsking.push(started.length);
      answers.push(shared('d'));
    };
    ask();
    for (let round = 0; round < 3; round++) {
      ask();
      await finish();
    }
    await finish();
    const loadNumbers = (await Promise.all(answers)).map((answer) => Number(answer.split('#')[1]));
    loadNumbers.forEach((n, i) => expect(n).toBeGreaterThan(startedBeforeAsking[i]!));
    expect(started).toHaveLength(4);
  });

  it('keeps documents apart', async () => {
    const { load, started, finish } = controlledLoads();
    const shared = shareNext(load);
    const a = shared('a');
    const b = shared('b');
    expect(started).toEqual(['a', 'b']);
    await finish();
    await finish();
    expect([await a, await b]).toEqual(['a#2', 'b#2']);
  });

  it('passes a failure to those who shared the load, and the next one still runs', async () => {
    const { load, started, finish } = controlledLoads();
    const shared = shareNext(load);
    const first = shared('d').catch((error: Error) => error.message);
    const waiting = [shared('d'), shared('d')].map((p) => p.catch((error: Error) => error.message));
    await finish(new Error('throttled'));
    expect(await first).toBe('throttled');
    await finish(new Error('throttled again'));
    expect(await Promise.all(waiting)).toEqual(['throttled again', 'throttled again']);
    const after = shared('d');
    expect(started).toHaveLength(3);
    await finish();
    expect(await after).toBe('d#3');
  });
});
