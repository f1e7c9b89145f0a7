export * from './document-store.ts';
export * from './connection-registry.ts';
export * from './chunk-store.ts';
