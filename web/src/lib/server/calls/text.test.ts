import { documentFrom } from '@concord/sync/document';
import { contentHash, markdownToYUpdate } from '@concord/text';
import { describe, expect, it } from 'vitest';
import { createCallText } from './text.ts';

const update = markdownToYUpdate({ markdown: 'States shall protect privacy online.' });
const state = { snapshot: null, version: 0, updates: [{ key: 'u1', update }] };
const hashOfState = () => contentHash({ doc: documentFrom(state) });

function text(input: { versions: { seq: number; kind: 'checkpoint' | 'named'; name: string | null; hash: string }[]; brackets: ('open' | 'agreed' | 'settled')[] }) {
  return createCallText({
    versions: { list: async () => input.versions },
    brackets: { list: async () => ({ brackets: input.brackets.map((status) => ({ status })) }) },
    documents: { load: async () => state },
  });
}

describe('the text as a call sees it', () => {
  it('takes the newest named version (not a later checkpoint), hashes the stored text, and is clean without open brackets', async () => {
    const port = text({
      versions: [
        { seq: 3, kind: 'checkpoint', name: null, hash: 'c'.repeat(64) },
        { seq: 2, kind: 'named', name: 'Rev. 1', hash: 'b'.repeat(64) },
        { seq: 1, kind: 'named', name: 'Zero draft', hash: 'a'.repeat(64) },
      ],
      brackets: ['agreed', 'settled'],
    });
    expect(await port.latestNamedVersion({ docId: 'd' })).toEqual({ seq: 2, name: 'Rev. 1', hash: 'b'.repeat(64) });
    expect(await port.currentHash({ docId: 'd' })).toBe(hashOfState());
    expect(await port.currentHash({ docId: 'd' })).toMatch(/^[0-9a-f]{64}$/);
    expect(await port.isClean({ docId: 'd' })).toBe(true);
  });

  it('has no version to freeze without a named one, and is not clean with an open bracket', async () => {
    const port = text({ versions: [{ seq: 1, kind: 'checkpoint', name: null, hash: 'c'.repeat(64) }], brackets: ['agreed', 'open'] });
    expect(await port.latestNamedVersion({ docId: 'd' })).toBeNull();
    expect(await port.isClean({ docId: 'd' })).toBe(false);
  });
});
