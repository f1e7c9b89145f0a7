export * from './ports.ts';
export * from './frames.ts';
export * from './protocol.ts';
export * from './awareness.ts';
export * from './document.ts';
export * from './compaction.ts';
export * from './handlers.ts';
export * from './budget.ts';
