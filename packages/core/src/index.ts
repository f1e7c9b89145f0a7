export * from './errors.ts';
export * from './ids.ts';
export * from './coalition.ts';
export * from './statement.ts';
export * from './policy.ts';
export * from './account.ts';
export * from './auth-rules.ts';
