/**
 * In-memory publication ports for unit tests of publishing and sign-on: the same conditions as
 * the DynamoDB stores (`@concord/data` publications.ts, coalition-keys.ts) — one record per
 * statement, a slug held by one statement, one endorsement per organisation name until it is
 * rejected, changes only from the status they change from — evaluated synchronously so they
 * cannot race. The keys sign nothing real: they record what they were asked to sign (the Ed25519
 * signature itself is checked over dynalite, test/integration/publication/signature.test.ts).
 */
import type { AuditEntry, Coalition, CoalitionKey, ConsensusCall, Endorsement, Organisation, Publication, PublishedTranslation, Statement, TaskForce, User } from '@concord/core';
import type { CoalitionKeys, PublicationPorts, PublicationRecord, PublicationStore } from './ports.ts';

const recordOf = ({ html: _html, plainText: _plainText, translations: _translations, ...record }: Publication): PublicationRecord => structuredClone(record);

export function createMemoryPublicationStore(): PublicationStore {
  const declarations = new Map<string, Publication>();
  const slugs = new Map<string, string>();
  const endorsements = new Map<string, Endorsement>();
  /** `<statementId>#<name key>` → the endorsement holding the name. */
  const nameLocks = new Map<string, string>();
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    async claimSlug({ slug, statementId }) {
      if (!slugs.has(slug)) slugs.set(slug, statementId);
      return slugs.get(slug) === statementId;
    },
    async publish(publication) {
      if (declarations.has(publication.statementId)) return false;
      declarations.set(publication.statementId, copy(publication));
      return true;
    },
    async record(statementId) {
      const found = declarations.get(statementId);
      return found ? recordOf(found) : null;
    },
    async bySlug(slug) {
      const found = declarations.get(slugs.get(slug) ?? '');
      // A slug claimed by a publish that then failed points at nothing, or at another slug.
      return found?.slug === slug ? copy(found) : null;
    },
    async full(statementId) {
      const found = declarations.get(statementId);
      return found ? copy(found) : null;
    },
    async list() {
      return [...declarations.values()].sort((a, b) => b.publishedAt - a.publishedAt || b.statementId.localeCompare(a.statementId)).map(recordOf);
    },
    async withdraw({ statementId, withdrawn }) {
      const found = declarations.get(statementId);
      if (found?.status !== 'published') return false;
      Object.assign(found, { status: 'withdrawn', withdrawn: copy(withdrawn) });
      return true;
    },
    async setSignOn({ statementId, signOn }) {
      const found = declarations.get(statementId);
      if (found?.status !== 'published') return false;
      found.signOn = copy(signOn);
      return true;
    },
    async closeSignOn({ statementId, now }) {
      const window = declarations.get(statementId)?.signOn;
      if (!window || window.closedAt !== null || window.closesAt <= now) return false;
      window.closedAt = now;
      return true;
    },
    async addEndorsement(endorsement) {
      const lock = `${endorsement.statementId}#${endorsement.key}`;
      if (nameLocks.has(lock)) return false;
      nameLocks.set(lock, endorsement.id);
      endorsements.set(endorsement.id, copy(endorsement));
      return true;
    },
    async endorsements(statementId) {
      return [...endorsements.values()].filter((e) => e.statementId === statementId).sort((a, b) => a.id.localeCompare(b.id)).map(copy);
    },
    async decide({ statementId, endorsementId, status, by, now }) {
      const found = endorsements.get(endorsementId);
      if (!found || found.statementId !== statementId || found.status !== 'pending') return false;
      Object.assign(found, { status, decidedAt: now, decidedBy: by });
      // A rejected entry (a mistake, an impostor) must not keep the real organisation from endorsing.
      const lock = `${statementId}#${found.key}`;
      if (status === 'rejected' && nameLocks.get(lock) === endorsementId) nameLocks.delete(lock);
      return true;
    },
  };
}

/** What a memory key was asked to sign, and the signature it gave. */
export interface MemorySignature {
  coalitionId: string;
  keyId: string;
  /** The signed bytes, as UTF-8 text. */
  message: string;
  signature: string;
}

/** One key per coalition, made when it first signs; `signed` lists every signature given. */
export function createMemoryCoalitionKeys(): CoalitionKeys & { signed: MemorySignature[] } {
  const keys = new Map<string, CoalitionKey>();
  const signed: MemorySignature[] = [];
  return {
    signed,
    async publicKey(coalitionId) {
      const found = keys.get(coalitionId);
      return found ? { ...found } : null;
    },
    async sign({ coalitionId, message, now }) {
      if (!keys.has(coalitionId)) keys.set(coalitionId, { coalitionId, publicKey: `memory public key ${keys.size + 1}`, keyId: `memory-key-${keys.size + 1}`, createdAt: now });
      const key = { ...keys.get(coalitionId)! };
      const signature = `memory-signature-${signed.length + 1}`;
      signed.push({ coalitionId, keyId: key.keyId, message: new TextDecoder().decode(message), signature });
      return { signature, key };
    },
  };
}

/**
 * Everything publishing needs, in memory. The test sets the calls (`calls`), the stored versions
 * (`versions`, by `<docId>#<seq>`) and the translations; `render` reads a state as UTF-8 text,
 * one paragraph a line.
 */
export function createMemoryPublicationPorts(input: { statements: Statement[]; organisations: Organisation[]; users?: User[]; taskForces?: TaskForce[]; coalitions?: Coalition[] }) {
  const calls: ConsensusCall[] = [];
  const versions = new Map<string, { state: Uint8Array; hash: string }>();
  const translations: PublishedTranslation[] = [];
  const audit: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>[] = [];
  const keys = createMemoryCoalitionKeys();
  const coalition = (id: string): Coalition => input.coalitions?.find((c) => c.id === id) ?? { id, name: id };
  let next = 0;
  const ports: PublicationPorts = {
    publications: createMemoryPublicationStore(),
    calls: {
      // Newest first, as the store lists them.
      listByStatement: async (statementId) => structuredClone(calls.filter((c) => c.statementId === statementId).sort((a, b) => b.openedAt - a.openedAt)),
    },
    versions: { get: async ({ docId, seq }) => versions.get(`${docId}#${seq}`) ?? null },
    render({ state }) {
      const lines = new TextDecoder().decode(state).split('\n');
      return { html: lines.map((line) => `<p>${line}</p>`).join('\n'), plainText: lines.join('\n') };
    },
    directory: {
      async statement(id) {
        const statement = input.statements.find((s) => s.id === id);
        if (!statement) return null;
        return { statement, taskForce: input.taskForces?.find((t) => t.id === statement.visibility.taskForceId) ?? null };
      },
      coalition: async (id) => coalition(id),
      organisations: async (coalitionId) => input.organisations.filter((o) => o.coalitionId === coalitionId),
      users: async (coalitionId) => (input.users ?? []).filter((u) => u.coalitionId === coalitionId),
      coalitionName: async (coalitionId) => coalition(coalitionId).name,
    },
    translations: { forPublication: async () => structuredClone(translations) },
    keys,
    audit: {
      async append({ entry }) {
        audit.push(entry);
      },
    },
    // Zero-padded: ids sort in the order they were taken, as the DynamoDB wiring's ulids do.
    newId: () => `end-${String(++next).padStart(6, '0')}`,
  };
  return { ports, calls, versions, translations, audit, keys };
}
