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

export interface Coalition {
  id: string;
  name: string;
}

export interface Organisation {
  id: string;
  coalitionId: string;
  name: string;
  tier: Tier;
  stakeholderGroup: StakeholderGroup;
  /** The member organisation holding the rotating chairship. */
  isChair: boolean;
}

export interface User {
  id: string;
  name: string;
  organisationId: string;
  coalitionId: string;
}

/**
 * Who is acting: a person, the organisation they act for, and that organisation's tier.
 * Resolved on the server (today from the demo identity, later from a session) and carried by
 * every websocket connection.
 */
export interface Principal {
  userId: string;
  userName: string;
  organisationId: string;
  organisationName: string;
  coalitionId: string;
  tier: Tier;
  isChair: boolean;
}
