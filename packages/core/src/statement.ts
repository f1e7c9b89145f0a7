/** A statement under negotiation: its metadata and who may see it. Its text is a Yjs document of the same id. */

/** Who a draft is shared with (DESIGN.md §2, "Drafting"). */
export const Scope = {
  /** Every member organisation; advisory and observer organisations as switched. */
  coalition: 'coalition',
  /** Member organisations only, whatever the switches say. */
  members: 'members',
  /** The organisations of one task force; their advisory and observer ones as switched. */
  taskForce: 'task-force',
} as const;
export type Scope = (typeof Scope)[keyof typeof Scope];

export interface Visibility {
  scope: Scope;
  /** The task force, when `scope` is `task-force`. */
  taskForceId: string | null;
  /** Advisory organisations (within the scope) may read. */
  advisory: boolean;
  /** Observer organisations (within the scope) may read. */
  observers: boolean;
}

export interface Statement {
  id: string;
  coalitionId: string;
  title: string;
  /** BCP 47 language tag of the text, e.g. `en`, `zh-TW`. */
  language: string;
  visibility: Visibility;
  /** Organisations holding the pen: when any, only they edit the text and decide amendments. */
  penHolderIds: string[];
  /** Advisory organisations (that can see it) may comment and propose amendments; they never edit. */
  advisoryParticipation: boolean;
  /** Without pen-holders, who accepts or rejects amendments and settles brackets: editors, or the chair alone. */
  amendmentDecisions: 'editors' | 'chair';
  createdAt: number;
  updatedAt: number;
}

/** Shared with the whole coalition, advisory network and observers included: the default for a new draft. */
export const openVisibility: Visibility = { scope: 'coalition', taskForceId: null, advisory: true, observers: true };
