/**
 * What the versions pages need: the directory (statements, people, organisations) for access
 * and names, the version service of `@concord/versions`, the stored text's freeze, the live
 * editors (a restore is a server-made change: `broadcastUpdate`) and the audit log.
 */
import type { DocumentStore } from '@concord/sync/ports';
import type { VersionService } from '@concord/versions';
import type { AuditLog, Directory } from '../ports.ts';

export interface VersionsDeps {
  directory: Directory;
  service: VersionService;
  texts: Pick<DocumentStore, 'frozenBy'>;
  live: { broadcastUpdate(input: { docId: string; update: Uint8Array; author: string }): Promise<void> };
  audit: Pick<AuditLog, 'append'>;
  now: () => number;
}
