/**
 * A seeded synthetic editing trace with the shape of a real one (crdt-benchmarks' B4: a paper
 * of ~100,000 characters written in ~260,000 single-character operations): runs of typing at a
 * cursor, backspacing, jumps to another place, and occasional pastes. One operation is one
 * character inserted or deleted, as in B4. The document grows to `operations × 0.4` characters
 * (175,000 inserts and 75,000 deletions for 250,000 operations).
 */
import * as prng from 'lib0/prng';

export type TraceStep = { kind: 'insert'; index: number; text: string } | { kind: 'delete'; index: number; length: number };

const words = ['the', 'coalition', 'members', 'affirm', 'digital', 'rights', 'human', 'open', 'internet', 'governance',
  'multistakeholder', 'shall', 'access', 'privacy', 'and', 'of', 'to', 'in', 'for', 'with', 'states', 'society'];

/** Yields steps until `operations` characters were inserted or deleted. */
export function* editingTrace(input: { operations: number; seed: number }): Generator<TraceStep> {
  const gen = prng.create(input.seed);
  let length = 0;
  let cursor = 0;
  let done = 0;
  while (done < input.operations) {
    const target = done * 0.4;
    const roll = prng.real53(gen);
    if (roll < 0.1 && length > 0) {
      cursor = prng.int32(gen, 0, length);
    } else if (roll < 0.102 && length > 2_000) {
      const size = prng.int32(gen, 100, 800);
      const text = phrase(gen, size);
      yield { kind: 'insert', index: cursor, text };
      length += text.length;
      cursor += text.length;
      done += text.length;
    } else if (length > target + 50 || (roll < 0.4 && cursor > 0)) {
      const count = Math.min(cursor, prng.int32(gen, 1, 12), input.operations - done);
      for (let i = 0; i < count; i++) yield { kind: 'delete', index: --cursor, length: 1 };
      length -= count;
      done += count;
    } else {
      const text = phrase(gen, prng.int32(gen, 5, 60)).slice(0, input.operations - done);
      for (const char of text) yield { kind: 'insert', index: cursor++, text: char };
      length += text.length;
      done += text.length;
    }
  }
}

function phrase(gen: prng.PRNG, size: number): string {
  let text = '';
  while (text.length < size) text += `${prng.oneOf(gen, words)} `;
  return text.slice(0, size);
}
