import { describe, expect, it } from 'vitest';
import {
  alignTranslation,
  directionOf,
  parseTranslationDocId,
  summarizeTranslation,
  translationDocId,
  type TranslatedParagraph,
} from './translations.ts';

/** `a` = a translation of source hash a; `a_` = an empty one stamped a. */
const entries = (spec: string): TranslatedParagraph[] =>
  spec === '' ? [] : spec.split(' ').map((e) => ({ sourceHash: e.replace('_', ''), empty: e.endsWith('_') }));
const source = (spec: string) => (spec === '' ? [] : spec.split(' '));
/** Rows written `source:entry:state`, `-` for none. */
const rowsOf = (input: { source: string; entries: string }) =>
  alignTranslation({ source: source(input.source), entries: entries(input.entries) })
    .map((r) => `${r.source ?? '-'}:${r.entry ?? '-'}:${r.state}`)
    .join(' ');

describe('alignTranslation', () => {
  const cases: { name: string; source: string; entries: string; rows: string }[] = [
    { name: 'every paragraph translated against the current source', source: 'a b c', entries: 'a b c', rows: '0:0:current 1:1:current 2:2:current' },
    { name: 'nothing translated yet', source: 'a b', entries: '', rows: '0:-:missing 1:-:missing' },
    { name: 'an edited source paragraph makes its translation stale', source: 'a B c', entries: 'a b c', rows: '0:0:current 1:1:stale 2:2:current' },
    { name: 'a paragraph inserted in the source is missing, the others stay current', source: 'a n b c', entries: 'a b c', rows: '0:0:current 1:-:missing 2:1:current 3:2:current' },
    { name: 'a paragraph inserted at the start', source: 'n a b', entries: 'a b', rows: '0:-:missing 1:0:current 2:1:current' },
    { name: 'a paragraph deleted from the source leaves its translation orphaned', source: 'a c', entries: 'a b c', rows: '0:0:current -:1:orphaned 1:2:current' },
    { name: 'an edit and an insertion in one gap: paired in order, the rest missing', source: 'a B n c', entries: 'a b c', rows: '0:0:current 1:1:stale 2:-:missing 3:2:current' },
    { name: 'an empty translated paragraph is missing, stamped or not', source: 'a b c', entries: 'a b_ x_', rows: '0:0:current 1:1:missing 2:2:missing' },
    { name: 'a paragraph moved: its translation follows it', source: 'b a', entries: 'a b', rows: '0:1:current 1:0:current' },
    { name: 'two people started two paragraphs at once and their order came out crossed', source: 'a b c', entries: 'c a b', rows: '0:1:current 1:2:current 2:0:current' },
    { name: 'two people started the same paragraph at once: the second is orphaned', source: 'a b', entries: 'a a b', rows: '0:0:current -:1:orphaned 1:2:current' },
    { name: 'crossed and edited: the edited paragraph reads as missing, its old translation stays visible as orphaned', source: 'a B c', entries: 'c a b', rows: '0:1:current 1:-:missing 2:0:current -:2:orphaned' },
    { name: 'two equal source paragraphs match one translation each', source: 'a a', entries: 'a a', rows: '0:0:current 1:1:current' },
    { name: 'the source emptied: every translation orphaned', source: '', entries: 'a b', rows: '-:0:orphaned -:1:orphaned' },
    { name: 'extra translations at the end are orphaned', source: 'a', entries: 'a z', rows: '0:0:current -:1:orphaned' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(rowsOf(c)).toBe(c.rows));
  }

  it('says where a missing paragraph’s new translation goes', () => {
    const rows = alignTranslation({ source: source('a n b'), entries: entries('a b') });
    expect(rows.map((r) => r.insertAt)).toEqual([0, 1, 1]);
  });
});

describe('summarizeTranslation', () => {
  const cases: { source: string; entries: string; complete: boolean; current: boolean; stale: number; missing: number; orphaned?: number }[] = [
    { source: 'a b', entries: 'a b', complete: true, current: true, stale: 0, missing: 0 },
    { source: 'a B', entries: 'a b', complete: true, current: false, stale: 1, missing: 0 },
    { source: 'a b', entries: 'a', complete: false, current: true, stale: 0, missing: 1 },
    { source: 'a B n', entries: 'a b', complete: false, current: false, stale: 1, missing: 1 },
    { source: 'a', entries: 'a z', complete: true, current: true, stale: 0, missing: 0, orphaned: 1 },
    { source: '', entries: '', complete: true, current: true, stale: 0, missing: 0 },
  ];
  for (const c of cases) {
    it(`source "${c.source}" with translations "${c.entries}" is ${c.complete ? '' : 'in'}complete and ${c.current ? '' : 'not '}current`, () => {
      const summary = summarizeTranslation(alignTranslation({ source: source(c.source), entries: entries(c.entries) }));
      expect(summary).toMatchObject({ complete: c.complete, current: c.current, stale: c.stale, missing: c.missing, orphaned: c.orphaned ?? 0 });
      expect(summary.paragraphs).toBe(source(c.source).length);
    });
  }
});

describe('translation documents and languages', () => {
  it('gives each statement and language its own document id, and reads it back', () => {
    const docId = translationDocId({ statementId: 'stmt_01J0ABC', language: 'ar' });
    expect(docId).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    expect(parseTranslationDocId(docId)).toEqual({ statementId: 'stmt_01J0ABC', language: 'ar' });
  });

  it('reads a statement id or an unknown language as no translation', () => {
    expect(parseTranslationDocId('stmt_01J0ABC')).toBeNull();
    expect(parseTranslationDocId('stmt_01J0ABC--tr-xx')).toBeNull();
    expect(parseTranslationDocId('--tr-ar')).toBeNull();
  });

  it('writes Arabic, Persian, Hebrew and Urdu right to left', () => {
    const dirs = Object.fromEntries(['ar', 'fa', 'he', 'ur', 'fr', 'zh', 'ar-EG', 'xx'].map((l) => [l, directionOf(l)]));
    expect(dirs).toEqual({ ar: 'rtl', fa: 'rtl', he: 'rtl', ur: 'rtl', fr: 'ltr', zh: 'ltr', 'ar-EG': 'rtl', xx: 'ltr' } satisfies Record<string, 'ltr' | 'rtl'>);
  });
});
