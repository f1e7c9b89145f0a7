import { describe, expect, it } from 'vitest';
import { saved, type SaveState } from './save-tracker.ts';
import { connectionFrom, describeStatus, statusAnnouncement, type StatusInput, refusalCodeFor, refusalMessage, shouldReconnect, rateLimitedClose } from './status.ts';
import { CloseCode } from '@concord/sync';

const pending: SaveState = { kind: 'awaiting-echo', after: 3 };
const offlineEdits: SaveState = { kind: 'awaiting-upload' };

function input(partial: Partial<StatusInput>): StatusInput {
  return { connection: 'live', synced: true, save: saved, canWrite: true, ...partial };
}

describe('connectionFrom', () => {
  it('is live while the provider is connected', () => {
    expect(connectionFrom({ providerStatus: 'connected', hadTrouble: true })).toBe('live');
  });

  it('is connecting at first and offline once a connection was lost or refused', () => {
    expect(connectionFrom({ providerStatus: 'connecting', hadTrouble: false })).toBe('connecting');
    expect(connectionFrom({ providerStatus: 'connecting', hadTrouble: true })).toBe('offline');
    expect(connectionFrom({ providerStatus: 'disconnected', hadTrouble: true })).toBe('offline');
  });
});

describe('describeStatus', () => {
  it('says all changes are saved only when live, synced and confirmed', () => {
    expect(describeStatus(input({}))).toEqual({ label: 'Live', detail: 'All changes saved.' });
    expect(describeStatus(input({ save: pending })).detail).toBe('Saving…');
    expect(describeStatus(input({ synced: false })).detail).toBe('Loading the latest text…');
  });

  it('tells an offline writer that edits are kept and merged later', () => {
    expect(describeStatus(input({ connection: 'offline', save: offlineEdits }))).toEqual({
      label: 'Offline',
      detail: 'Your edits are kept on this device and will be merged when you reconnect.',
    });
    expect(describeStatus(input({ connection: 'offline' })).detail).toBe('Reconnecting…');
  });

  it('counts the changes waiting on this device while offline or connecting', () => {
    expect(describeStatus(input({ connection: 'offline', save: offlineEdits, waiting: 1 })).detail).toBe('1 change waits on this device; it will be saved when you reconnect.');
    expect(describeStatus(input({ connection: 'connecting', save: offlineEdits, waiting: 12 })).detail).toBe('12 changes wait on this device; they will be saved when you reconnect.');
    // Once saved there is nothing waiting, whatever the last count said.
    expect(describeStatus(input({ connection: 'offline', waiting: 3 })).detail).toBe('Reconnecting…');
  });

  it('never talks about saving to a reader', () => {
    expect(describeStatus(input({ canWrite: false })).detail).toBe('You see changes as they are made.');
  });

  it('says it is connecting before the first connection', () => {
    expect(describeStatus(input({ connection: 'connecting', synced: false })).label).toBe('Connecting…');
  });
});

describe('statusAnnouncement', () => {
  it('announces the first connection and a reconnection', () => {
    expect(statusAnnouncement({ previous: input({ connection: 'connecting', synced: false }), next: input({}) })).toBe(
      'Connected. You see changes as they are made.',
    );
    expect(statusAnnouncement({ previous: input({ connection: 'offline', synced: false }), next: input({}) })).toBe(
      'Reconnected.',
    );
  });

  it('announces a lost connection once, not every retry', () => {
    const offline = input({ connection: 'offline', synced: false, save: offlineEdits });
    expect(statusAnnouncement({ previous: input({}), next: offline })).toMatch(/^Connection lost\. Your edits are kept/);
    expect(statusAnnouncement({ previous: offline, next: offline })).toBeNull();
  });

  it('announces offline edits merged, but not each save', () => {
    expect(statusAnnouncement({ previous: input({ save: offlineEdits }), next: input({}) })).toBe(
      'Your offline edits are merged and saved.',
    );
    expect(statusAnnouncement({ previous: input({ save: pending }), next: input({}) })).toBeNull();
  });
});

describe('refusals', () => {
  it('maps the ticket endpoint’s refusals to close codes that are not retried', () => {
    expect([401, 403, 404, 500, 200].map(refusalCodeFor)).toEqual([4401, 4403, 4404, null, null]);
  });

  it('reconnects after an eviction (4401 from the server), never after a refused ticket', () => {
    expect(shouldReconnect({ code: 4401, refused: false })).toBe(true);
    expect(shouldReconnect({ code: 1006, refused: false })).toBe(true);
    expect(shouldReconnect({ code: 4413, refused: false })).toBe(false);
    expect(shouldReconnect({ code: 4401, refused: true })).toBe(false);
    expect(shouldReconnect({ code: 4404, refused: true })).toBe(false);
  });

  it('reconnects after being closed for sending too much: the server’s cooldown decides when it gets back in', () => {
    expect(rateLimitedClose).toBe(CloseCode.rateLimited);
    expect(shouldReconnect({ code: rateLimitedClose, refused: false })).toBe(true);
  });

  it('says why the editor stopped', () => {
    expect(refusalMessage(4401)).toMatchObject({ title: 'Your session ended: sign in again.', signIn: true });
    expect(refusalMessage(4404).title).toBe('This draft is no longer shared with you.');
  });
});
