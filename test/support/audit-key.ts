/** Audit chain keys for tests that write the audit log outside a host. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditChainKey } from '@concord/auth/audit-chain';

/** A fixed key (any 32 bytes will do) for stores no host verifies. */
export const testSecretKey = Buffer.alloc(32, 7).toString('base64');
export const testAuditKey = auditChainKey({ secretKeyBase64: testSecretKey });

/**
 * The shared end-to-end host's key (it keeps it in its data directory), so that entries a test
 * writes behind its back still verify on its audit page.
 */
export function e2eHostAuditKey(): Uint8Array {
  const dataDir = process.env.CONCORD_E2E_DATA_DIR;
  if (!dataDir) return testAuditKey;
  return auditChainKey({ secretKeyBase64: readFileSync(join(dataDir, 'secret-key'), 'utf8').trim() });
}
