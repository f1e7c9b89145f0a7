import type { NoticeSettings } from './notice.ts';

/** Organisations, their tier in the coalition, and the people who act for them (DESIGN.md §1). */
export const Tier = { member: 'member', advisory: 'advisory', observer: 'observer' } as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

export const StakeholderGroup = {
  government: 'government',
  civilSociety: 'civil-society',
  privateSector: 'private-sector',
  academia: 'academia',
  technicalCommunity: 'technical-community',
  intergovernmental: 'intergovernmental',
} as const;
export type StakeholderGroup = (typeof StakeholderGroup)[keyof typeof StakeholderGroup];

/** Roles a person may hold beside acting for their organisation. */
export const Role = {
  /** Manages membership and invitations, runs calls on the chair's behalf; granted by the chair. */
  secretariat: 'secretariat',
  /** Leads their organisation's delegation: invites and removes its delegates. */
  organisationLead: 'organisation-lead',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface Coalition {
  id: string;
  name: string;
  /** Minimum notice per procedure for consensus calls; absent: the defaults (`noticeOf`). */
  notice?: NoticeSettings;
}

export interface Organisation {
  id: string;
  coalitionId: string;
  name: string;
  tier: Tier;
  stakeholderGroup: StakeholderGroup;
  /** The member organisation holding the rotating chairship (one per coalition). */
  isChair: boolean;
}

/** A sub-group of organisations that drafts among themselves. */
export interface TaskForce {
  id: string;
  coalitionId: string;
  name: string;
  organisationIds: string[];
}

/** A person in the coalition's directory: who they are and whom they act for. */
export interface User {
  id: string;
  name: string;
  organisationId: string;
  coalitionId: string;
  roles: Role[];
  /** Removed delegates stay in the directory (past acts name them) but can do nothing. */
  status: 'active' | 'removed';
}

/**
 * Who is acting: a person, the organisation they act for, its tier, and the person's roles.
 * Resolved on the server from the session (never from the client) and carried by every
 * websocket connection.
 */
export interface Principal {
  userId: string;
  userName: string;
  organisationId: string;
  organisationName: string;
  coalitionId: string;
  tier: Tier;
  /** The person's organisation holds the chair. */
  isChair: boolean;
  roles: readonly Role[];
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}
