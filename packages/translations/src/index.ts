export * from './ports.ts';
export * from './service.ts';
export * from './memory-store.ts';
