import type { Principal } from './coalition.ts';
import type { Statement } from './statement.ts';

/** What a connection may do with a statement's text. */
export const DocumentAccess = { none: 'none', read: 'read', write: 'write' } as const;
export type DocumentAccess = (typeof DocumentAccess)[keyof typeof DocumentAccess];

/**
 * Access to a statement's text. Members draft; advisory and observer organisations read.
 * Visibility settings, pen-holders and task forces refine this in the access issue; every caller
 * already goes through here so they change in one place.
 */
export function documentAccess(input: { principal: Principal | null; statement: Statement }): DocumentAccess {
  const { principal, statement } = input;
  if (!principal || principal.coalitionId !== statement.coalitionId) return 'none';
  return principal.tier === 'member' ? 'write' : 'read';
}
