import { describe, expect, it } from 'vitest';
import { deviceCopyName, readWaiting, unsavedOnDevice, writeWaiting } from './device-copy.ts';

/** A Storage-shaped map, as localStorage behaves. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe('device copies', () => {
  it('names one copy per person and statement', () => {
    const ghana = deviceCopyName({ userId: 'u-ghana', docId: 'st-1' });
    expect(ghana).toBe('concord-statement:u-ghana:st-1');
    expect(deviceCopyName({ userId: 'u-canada', docId: 'st-1' })).not.toBe(ghana);
    expect(deviceCopyName({ userId: 'u-ghana', docId: 'st-2' })).not.toBe(ghana);
  });

  it('keeps the waiting count beside the copy and removes it at zero', () => {
    const storage = memoryStorage();
    const name = deviceCopyName({ userId: 'u', docId: 'd' });
    writeWaiting(name, 7, storage);
    expect(readWaiting(name, storage)).toBe(7);
    writeWaiting(name, 0, storage);
    expect(storage.items.size).toBe(0);
    expect(readWaiting(name, storage)).toBe(0);
  });

  it('reads a damaged or missing count as zero', () => {
    const storage = memoryStorage();
    for (const value of ['-3', '2.5', 'many', '']) {
      storage.setItem('x:waiting', value);
      expect(readWaiting('x', storage)).toBe(0);
    }
    expect(readWaiting('x', null)).toBe(0);
  });

  it('survives a storage that refuses writes (the edits themselves are in IndexedDB)', () => {
    const full = { setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(() => writeWaiting('x', 4, full)).not.toThrow();
  });

  it('counts the changes not yet saved over every copy on the device, and nothing else', () => {
    const storage = memoryStorage();
    writeWaiting(deviceCopyName({ userId: 'u', docId: 'a' }), 3, storage);
    writeWaiting(deviceCopyName({ userId: 'u', docId: 'b' }), 4, storage);
    storage.setItem('theme:waiting', '9');
    storage.setItem(deviceCopyName({ userId: 'u', docId: 'c' }), 'not a count');
    expect(unsavedOnDevice(storage)).toBe(7);
    writeWaiting(deviceCopyName({ userId: 'u', docId: 'a' }), 0, storage);
    writeWaiting(deviceCopyName({ userId: 'u', docId: 'b' }), 0, storage);
    expect(unsavedOnDevice(storage)).toBe(0);
    expect(unsavedOnDevice(null)).toBe(0);
  });
});
