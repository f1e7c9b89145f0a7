/**
 * A statement's stage (draft, under call, adopted, published, withdrawn) and whether its text is
 * fixed, read on the server from its calls, its freeze and its declaration. Every path that could
 * change the text (the ticket, restore, accepting an amendment, a bracket's alternative) asks here,
 * so an adopted text stays read-only even if its freeze were missing.
 */
import { isTextFixed, statementStage, type StatementStage } from '@concord/core';

export interface StageReader {
  calls: { listByStatement(statementId: string): Promise<readonly { status: string; outcome: { result: string } | null }[]> };
  freezer: { frozenBy(input: { docId: string }): Promise<string | null> };
  publications: { record(statementId: string): Promise<{ status: 'published' | 'withdrawn' } | null> };
}

/** The stage and the fixed flag of one statement. */
export async function readStage(input: { reader: StageReader; statementId: string }): Promise<{ stage: StatementStage; frozen: boolean; fixed: boolean }> {
  const { reader, statementId } = input;
  const [calls, frozenBy, publication] = await Promise.all([
    reader.calls.listByStatement(statementId),
    reader.freezer.frozenBy({ docId: statementId }),
    reader.publications.record(statementId),
  ]);
  const stage = statementStage({ calls, publication });
  const frozen = frozenBy !== null;
  return { stage, frozen, fixed: isTextFixed({ stage, frozen }) };
}

/**
 * The document store's `frozenBy`, extended to a fixed text: the freeze's owner, or the stage
 * (`adopted`, `published`…) when a text is fixed without a freeze. The negotiation and versions
 * services refuse a change when this is not null.
 */
export function fixedBy(input: { frozenBy(input: { docId: string }): Promise<string | null>; reader: () => StageReader }) {
  return async ({ docId }: { docId: string }): Promise<string | null> => {
    const owner = await input.frozenBy({ docId });
    if (owner) return owner;
    const { stage, fixed } = await readStage({ reader: input.reader(), statementId: docId });
    return fixed ? stage : null;
  };
}
