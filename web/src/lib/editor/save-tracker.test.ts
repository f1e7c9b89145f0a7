import { describe, expect, it } from 'vitest';
import { disconnected, echoed, localEdit, saved, uploaded } from './save-tracker.ts';

describe('save tracker', () => {
  it('waits for an echo of an awareness clock sent after the edit', () => {
    const editing = localEdit(saved, { clock: 4, open: true });
    expect(editing).toEqual({ kind: 'awaiting-echo', after: 4 });
    expect(echoed(editing, { clock: 4 })).toBe(editing);
    expect(echoed(editing, { clock: 5 })).toEqual(saved);
  });

  it('moves the bar with every further edit', () => {
    const first = localEdit(saved, { clock: 4, open: true });
    const second = localEdit(first, { clock: 9, open: true });
    expect(echoed(second, { clock: 6 })).toEqual(second);
    expect(echoed(second, { clock: 10 })).toEqual(saved);
  });

  it('keeps offline edits unsaved until they are uploaded and confirmed', () => {
    const offline = localEdit(saved, { clock: 2, open: false });
    expect(offline).toEqual({ kind: 'awaiting-upload' });
    expect(echoed(offline, { clock: 99 })).toEqual(offline);
    const sent = uploaded(offline, { clock: 12 });
    expect(sent).toEqual({ kind: 'awaiting-echo', after: 12 });
    expect(echoed(sent, { clock: 13 })).toEqual(saved);
  });

  it('treats an unconfirmed edit as needing upload once the socket closes', () => {
    const editing = localEdit(saved, { clock: 4, open: true });
    expect(disconnected(editing)).toEqual({ kind: 'awaiting-upload' });
    expect(disconnected(saved)).toEqual(saved);
  });

  it('keeps waiting for the upload when edits continue on a reopened socket', () => {
    const offline = localEdit(saved, { clock: 2, open: false });
    expect(localEdit(offline, { clock: 3, open: true })).toEqual({ kind: 'awaiting-upload' });
  });

  it('ignores an upload when nothing was waiting for one', () => {
    const editing = localEdit(saved, { clock: 4, open: true });
    expect(uploaded(editing, { clock: 8 })).toBe(editing);
    expect(uploaded(saved, { clock: 8 })).toBe(saved);
  });
});
