/**
 * The statement guard's cache of documents: it may run ahead of the store (an update admitted
 * and shown before it is durable) and must never fall behind what it admitted — a load that
 * misses an admitted update is merged into the cache, not put in its place.
 */
import type { DocumentState } from '@concord/sync';
import { decodesButDoesNotApply } from '@concord/sync/testing/fixtures';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createStatementGuard } from './statement-guard.ts';

const docId = 'stmt_guarded';
const stateOf = (updates: Uint8Array[]): DocumentState => ({ snapshot: null, version: 0, updates: updates.map((update, i) => ({ key: `U#${i}`, update })) });

/** A statement with one paragraph, and a way to type into copies of it as a given client. */
function statement() {
  const seed = new Y.Doc();
  seed.clientID = 1;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('We affirm.')]);
  seed.getXmlFragment('default').insert(0, [paragraph]);
  const editor = (clientID: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed));
    const text = () => (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    return {
      doc,
      /** Types `words` at the end of the paragraph; the update it makes. */
      type(words: string): Uint8Array {
        const before = Y.encodeStateVector(doc);
        text().insert(text().length, words);
        return Y.encodeStateAsUpdate(doc, before);
      },
    };
  };
  return { seed: Y.encodeStateAsUpdate(seed), editor };
}

describe('the statement guard', () => {
  it('keeps an admitted update that a later load from the store does not hold yet', async () => {
    const { seed, editor } = statement();
    const guard = createStatementGuard();
    const here = editor(10);
    const elsewhere = editor(20);
    const first = here.type(' Online');
    const storedElsewhere = elsewhere.type(' Together.');
    // The store never holds `first` in this test: its append is still in flight (shown early).
    let stored: Uint8Array[] = [seed];
    let loads = 0;
    const load = async (): Promise<DocumentState> => (loads++, stateOf(stored));

    expect(await guard.check({ docId, update: first, load })).toEqual({ ok: true });
    // Another process stored an update this guard never saw; typing after it sends the guard to
    // the store, which does not hold `first`.
    stored = [seed, storedElsewhere];
    expect(await guard.check({ docId, update: elsewhere.type(' Now.'), load })).toEqual({ ok: true });
    // Typing on after `first`: resolvable only if the load did not replace the cache.
    const next = here.type(' and free');
    expect(await guard.check({ docId, update: next, load })).toEqual({ ok: true });
    expect(loads).toBe(2);
  });

  it('judges the first keystroke against a newcomer\'s load it was given, and never replaces what it keeps', async () => {
    const { seed, editor } = statement();
    const guard = createStatementGuard();
    let loads = 0;
    const load = async (): Promise<DocumentState> => (loads++, stateOf([seed]));
    guard.prepare!({ docId, state: stateOf([seed]) });
    const here = editor(10);
    expect(await guard.check({ docId, update: here.type(' Online'), load })).toEqual({ ok: true });
    expect(loads).toBe(0);
    // A later newcomer's load (made before ' Online' was stored) leaves the kept document alone.
    guard.prepare!({ docId, state: stateOf([seed]) });
    expect(await guard.check({ docId, update: here.type(' and free'), load })).toEqual({ ok: true });
    expect(loads).toBe(0);
  });

  it('shares one load between concurrent checks of a document it has not seen', async () => {
    const { seed, editor } = statement();
    const guard = createStatementGuard();
    let loads = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = async (): Promise<DocumentState> => {
      loads += 1;
      await gate;
      return stateOf([seed]);
    };
    const checks = [editor(10).type(' a'), editor(11).type(' b'), editor(12).type(' c')].map((update) => guard.check({ docId, update, load }));
    release();
    expect(await Promise.all(checks)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(loads).toBe(1);
  });

  it('still refuses an update whose place is nowhere, after looking in the store', async () => {
    const { seed, editor } = statement();
    const guard = createStatementGuard();
    const load = async () => stateOf([seed]);
    const typist = editor(10);
    expect(await guard.check({ docId, update: typist.type(' One'), load })).toEqual({ ok: true });
    typist.type(' never sent');
    const orphan = typist.type(' two');
    expect(await guard.check({ docId, update: orphan, load })).toEqual({ ok: false, reason: 'schema.unresolved' });
  });

  it('refuses an update that decodes but does not apply, and judges the next one against the document loaded afresh', async () => {
    // The handlers build no scratch document when the guard applies: this is their only check.
    const hostile = decodesButDoesNotApply;
    expect(() => Y.decodeUpdate(hostile)).not.toThrow();
    expect(() => Y.applyUpdate(new Y.Doc(), hostile)).toThrow();
    const { seed, editor } = statement();
    const guard = createStatementGuard();
    expect(guard.appliesUpdates).toBe(true);
    let loads = 0;
    const load = async () => ((loads += 1), stateOf([seed]));
    const typist = editor(11);
    expect(await guard.check({ docId, update: typist.type(' First.'), load })).toEqual({ ok: true });
    expect(await guard.check({ docId, update: hostile, load })).toEqual({ ok: false, reason: 'sync.update-malformed' });
    const honest = editor(12).type(' Second.');
    expect(await guard.check({ docId, update: honest, load })).toEqual({ ok: true });
    expect(loads).toBe(2);
  });
});
