/** Writing an act to the coalition's audit log: who did it, on what, with scalar details only. */
import { actEntry, type AuditDetails, type AuditEntry } from '@concord/core';
import type { AuditLog } from './ports.ts';

/** Whoever acted: a person and the organisation they acted for, in one coalition. */
export interface AuditActor {
  userId: string;
  organisationId: string;
  coalitionId: string;
}

/**
 * Appends one entry. `action` is a dotted code (`member.removed`); `details` hold what changed,
 * never a secret (no password, token, code or key ever goes here).
 */
export function recordAct(input: {
  audit: Pick<AuditLog, 'append'>;
  actor: AuditActor;
  action: string;
  subject: { kind: string; id: string };
  details?: AuditDetails;
  now: number;
}): Promise<AuditEntry> {
  const { audit, ...act } = input;
  return audit.append({ entry: actEntry(act) });
}
