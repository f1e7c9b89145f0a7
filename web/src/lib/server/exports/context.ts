/** The export routes' dependencies, built on first use (own clients, like versions/context.ts). */
import { env } from '$env/dynamic/private';
import { createDocumentStore, createDynamoClient } from '@concord/data';
import { createVersionStore } from '@concord/data/version-store';
import { webContext } from '../context.ts';
import type { ExportsDeps } from './deps.ts';
import { pdfFonts } from './fonts.ts';

let deps: Promise<ExportsDeps> | undefined;

export function exportsDeps(): Promise<ExportsDeps> {
  deps ??= build();
  return deps;
}

async function build(): Promise<ExportsDeps> {
  const { directory } = await webContext();
  const store = { client: createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT || undefined }), tableName: env.CONCORD_TABLE || 'concord' };
  return { directory, versions: createVersionStore(store), texts: createDocumentStore(store), fonts: pdfFonts, now: Date.now };
}
