/**
 * A raw WebSocket client of the local gateway that sends hostile frames one at a time and learns,
 * for each, whether the connection survived: after every frame it sends a probe (its own
 * awareness with a new clock) and waits for the server's echo, or for the connection to close —
 * then it reports the close code the server announced in its `e` frame, if any.
 */
import { decodeAwarenessUpdate } from '@concord/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/** Above any id fast-check's `nat()` makes, so fuzzed awareness never speaks for the attacker. */
export const attackerClientId = 3_000_000_001;

export type FrameFate = { alive: true } | { alive: false; announced: number | null; closeCode: number };

export interface RawAttacker {
  send(frame: unknown): Promise<FrameFate>;
  close(): void;
}

function probeFrame(clock: number): string {
  const state = JSON.stringify({ probe: clock });
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, attackerClientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, state);
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return `m${Buffer.from(encoding.toUint8Array(message)).toString('base64')}`;
}

/** The probe clock an echoed frame carries for the attacker, if it is one. */
function echoedProbe(frame: string): number | null {
  if (!frame.startsWith('m')) return null;
  try {
    const decoder = decoding.createDecoder(Buffer.from(frame.slice(1), 'base64'));
    if (decoding.readVarUint(decoder) !== 1) return null;
    const entry = decodeAwarenessUpdate(decoding.readVarUint8Array(decoder)).find((e) => e.clientId === attackerClientId);
    return entry?.state ? ((JSON.parse(entry.state) as { probe?: number }).probe ?? null) : null;
  } catch {
    return null;
  }
}

export async function openRawAttacker(input: { url: string }): Promise<RawAttacker> {
  const socket = new WebSocket(input.url);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let announced: number | null = null;
  let lastEcho = 0;
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  let wake = () => {};
  socket.on('message', (data) => {
    const frame = data.toString();
    if (frame.startsWith('e')) announced = Number(frame.slice(1, frame.indexOf('.')));
    const echo = echoedProbe(frame);
    if (echo !== null) lastEcho = Math.max(lastEcho, echo);
    wake();
  });
  // Probe clocks start high: a fuzzed clock for this id could never make them stale.
  let clock = 2 ** 40;
  const probe = async (): Promise<FrameFate> => {
    clock += 1;
    const expected = clock;
    socket.send(probeFrame(expected));
    const echoed = new Promise<void>((resolve) => {
      wake = () => lastEcho >= expected && resolve();
    });
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
    const winner = await Promise.race([echoed.then(() => 'echo' as const), closed, timeout]);
    if (winner === 'timeout') throw new Error('the gateway neither answered the probe nor closed the connection');
    return winner === 'echo' ? { alive: true } : { alive: false, announced, closeCode: winner };
  };
  const bound = await probe();
  if (!bound.alive) throw new Error('the attacker could not bind its awareness');
  return {
    async send(frame) {
      if (socket.readyState !== WebSocket.OPEN) return { alive: false, announced, closeCode: await closed };
      socket.send(typeof frame === 'string' ? frame : Buffer.from([1, 2, 3]), { binary: typeof frame !== 'string' });
      return probe();
    },
    close: () => socket.terminate(),
  };
}
