export * from './realtime.ts';
