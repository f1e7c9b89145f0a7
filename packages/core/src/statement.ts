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

/** Shared with the whole coalition, advisory network and observers included: how statements stored before sharing existed read. */
export const openVisibility: Visibility = { scope: 'coalition', taskForceId: null, advisory: true, observers: true };

/** Member organisations only: the default for a new draft (issue 13) — widening it is a deliberate act. */
export const membersOnlyVisibility: Visibility = { scope: 'members', taskForceId: null, advisory: false, observers: false };

/** Who sees a draft besides the chair and the secretariat (who see every draft), as the policy decides. */
export interface DraftAudience {
  /** Every member organisation, or only the task force's organisations. */
  members: 'all' | 'task-force';
  /** Advisory organisations (within the scope): not at all, reading, or reading and commenting. */
  advisory: 'none' | 'read' | 'comment';
  /** Observer organisations (within the scope) read it. */
  observers: boolean;
}

/** The audience a draft's sharing gives it: "members only" ignores the advisory and observer switches. */
export function draftAudience(input: { visibility: Visibility; advisoryParticipation: boolean }): DraftAudience {
  const { visibility } = input;
  const members = visibility.scope === 'task-force' ? 'task-force' : 'all';
  if (visibility.scope === 'members') return { members, advisory: 'none', observers: false };
  const advisory = !visibility.advisory ? 'none' : input.advisoryParticipation ? 'comment' : 'read';
  return { members, advisory, observers: visibility.observers };
}
