/** What the export routes need: the directory (access, the coalition's name), stored versions, the live text, the PDF fonts. */
import type { PdfFonts } from '@concord/export';
import type { DocumentStore } from '@concord/sync/ports';
import type { VersionStore } from '@concord/versions';
import type { Directory } from '../ports.ts';

export interface ExportsDeps {
  directory: Directory;
  versions: Pick<VersionStore, 'get' | 'latest'>;
  texts: Pick<DocumentStore, 'load'>;
  fonts: () => Promise<PdfFonts>;
  now: () => number;
}
