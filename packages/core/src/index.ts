export * from './errors.ts';
export * from './ids.ts';
export * from './coalition.ts';
export * from './statement.ts';
export * from './access.ts';
