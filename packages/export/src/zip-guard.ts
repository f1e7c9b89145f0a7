/**
 * A DOCX is a zip, and a zip may inflate a thousand times over (a 238 KB file to 100 MB of
 * paragraphs). So before mammoth sees it, every entry is inflated here with `fflate`'s streaming
 * inflater, fed a little at a time so that no step outgrows the limit by more than ~1 MB, and
 * the count stops the moment the total passes it — the sizes the zip declares are not trusted.
 * mammoth then reads a zip rebuilt (stored, not compressed) from exactly what was inflated here,
 * so a central directory pointing at entries this walk did not see changes nothing.
 */
import { fail } from '@concord/core';
import { Unzip, UnzipInflate, zipSync, type UnzipFile } from 'fflate';

export interface ZipLimits {
  /** Total bytes all entries may inflate to. */
  inflatedBytes: number;
  /** How many entries the zip may hold. */
  entries: number;
}

/** Input bytes handed to the inflater per step: at most ~1 MB comes out of one (DEFLATE's ratio is at most ~1032:1). */
const step = 1024;

type Problem = 'import.inflated-too-large' | 'import.broken-docx';

/**
 * `bytes` (a zip) re-packed, entries stored, once every entry inflated within `limits`. Refuses
 * (`input` DomainErrors) `import.inflated-too-large` as soon as the limits are passed, and
 * `import.broken-docx` for a zip that cannot be read.
 */
export function repackWithinLimits(input: { bytes: Uint8Array; limits: ZipLimits }): Uint8Array {
  const entries = inflateWithinLimits(input);
  try {
    return zipSync(Object.fromEntries(entries), { level: 0 });
  } catch {
    throw refusal('import.broken-docx');
  }
}

function inflateWithinLimits(input: { bytes: Uint8Array; limits: ZipLimits }): Map<string, Uint8Array> {
  const { bytes, limits } = input;
  const entries = new Map<string, Uint8Array>();
  const state = { total: 0, count: 0, problem: null as Problem | null };
  const unzip = new Unzip((file) => {
    state.count += 1;
    if (state.count > limits.entries) state.problem = 'import.inflated-too-large';
    if (state.problem) return;
    inflateEntry({ file, state, limit: limits.inflatedBytes, done: (data) => entries.set(file.name, data) });
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.byteLength && !state.problem; offset += step) {
      unzip.push(bytes.subarray(offset, offset + step), offset + step >= bytes.byteLength);
    }
  } catch {
    state.problem ??= 'import.broken-docx';
  }
  if (state.problem) throw refusal(state.problem);
  if (entries.size === 0) throw refusal('import.broken-docx');
  return entries;
}

function inflateEntry(input: { file: UnzipFile; state: { total: number; problem: Problem | null }; limit: number; done: (data: Uint8Array) => void }): void {
  const { file, state } = input;
  const chunks: Uint8Array[] = [];
  file.ondata = (error, data, final) => {
    if (state.problem) return;
    if (error) {
      state.problem = 'import.broken-docx';
      return;
    }
    state.total += data.byteLength;
    if (state.total > input.limit) {
      state.problem = 'import.inflated-too-large';
      file.terminate();
      return;
    }
    chunks.push(data);
    if (final) input.done(concat(chunks));
  };
  file.start();
}

/** The chunks as one array, in order. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function refusal(code: Problem) {
  return code === 'import.inflated-too-large'
    ? fail.input(code, 'The Word file unpacks to more than a statement holds.')
    : fail.input(code, 'The file is not a Word document that can be read.');
}
