import { isDomainError } from '@concord/core';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxBomb, manyEntries, storedZip } from './testing/bombs.ts';
import { repackWithinLimits } from './zip-guard.ts';

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'accepted';
  } catch (thrown) {
    return isDomainError(thrown) ? thrown.code : thrown;
  }
};

describe('repackWithinLimits', () => {
  it('re-packs what it inflated, entry for entry', () => {
    const data = new TextEncoder().encode('<w:document/>');
    const repacked = repackWithinLimits({ bytes: storedZip({ name: 'word/document.xml', data }), limits: { inflatedBytes: 1_000, entries: 10 } });
    expect(new TextDecoder().decode(unzipSync(repacked)['word/document.xml'])).toBe('<w:document/>');
  });

  it('stops a zip that inflates past the limit early, however small it is on the wire', { timeout: 30_000 }, () => {
    const bomb = docxBomb({ inflatedBytes: 24 * 1024 * 1024 });
    expect(bomb.byteLength).toBeLessThan(120 * 1024);
    const started = performance.now();
    expect(codeOf(() => repackWithinLimits({ bytes: bomb, limits: { inflatedBytes: 1024 * 1024, entries: 10 } }))).toBe('import.inflated-too-large');
    // Inflating all 24 MB takes longer than stopping after the first; the bound is loose for slow machines.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('counts stored entries too, and refuses too many entries', () => {
    expect(codeOf(() => repackWithinLimits({ bytes: storedZip({ name: 'a.bin', data: new Uint8Array(2_000) }), limits: { inflatedBytes: 1_000, entries: 10 } }))).toBe('import.inflated-too-large');
    expect(codeOf(() => repackWithinLimits({ bytes: manyEntries({ count: 11 }), limits: { inflatedBytes: 1_000_000, entries: 10 } }))).toBe('import.inflated-too-large');
  });

  it('refuses what is not a zip, or a zip cut short', () => {
    const limits = { inflatedBytes: 1_000_000, entries: 10 };
    expect(codeOf(() => repackWithinLimits({ bytes: new TextEncoder().encode('PK\u0003\u0004 and then nonsense'), limits }))).toBe('import.broken-docx');
    const cut = docxBomb({ inflatedBytes: 100_000 }).subarray(0, 200);
    expect(codeOf(() => repackWithinLimits({ bytes: cut, limits }))).toBe('import.broken-docx');
  });
});
