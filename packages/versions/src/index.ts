export * from './ports.ts';
export * from './authors.ts';
export * from './names.ts';
export * from './service.ts';
export { createMemoryVersionStore } from './memory-version-store.ts';
