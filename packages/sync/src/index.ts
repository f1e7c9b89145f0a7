export * from './ports.ts';
export * from './frames.ts';
