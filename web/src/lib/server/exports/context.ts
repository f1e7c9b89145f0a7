/** The export routes' dependencies, built on first use from the hub's shared parts (`hub()` in `context.ts`). */
import { hub, webContext } from '../context.ts';
import type { ExportsDeps } from './deps.ts';
import { pdfFonts } from './fonts.ts';

let deps: Promise<ExportsDeps> | undefined;

export function exportsDeps(): Promise<ExportsDeps> {
  deps ??= build();
  return deps;
}

async function build(): Promise<ExportsDeps> {
  const { directory } = await webContext();
  const { versions, documents } = hub();
  return { directory, versions, texts: documents, fonts: pdfFonts, now: Date.now };
}
