/** A statement under negotiation: its metadata. Its text is a Yjs document of the same id. */
export interface Statement {
  id: string;
  coalitionId: string;
  title: string;
  /** BCP 47 language tag of the text, e.g. `en`, `zh-TW`. */
  language: string;
  createdAt: number;
  updatedAt: number;
}
