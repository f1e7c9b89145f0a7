import type { Statement } from '../statement.ts';

/**
 * The usual test draft: shared with the whole coalition, its advisory network and observers,
 * advisory organisations taking part, editors deciding amendments, no pen-holders. Tests name
 * what they are about (`id`, `coalitionId`, and whatever they vary) and take the rest from here.
 */
export function openDraft(fields: Pick<Statement, 'id' | 'coalitionId'> & Partial<Statement>): Statement {
  return {
    title: 'Draft',
    language: 'en',
    visibility: { scope: 'coalition', taskForceId: null, advisory: true, observers: true },
    penHolderIds: [],
    advisoryParticipation: true,
    amendmentDecisions: 'editors',
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  };
}
