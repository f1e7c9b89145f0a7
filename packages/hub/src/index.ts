export { createServerSync } from './server-sync.ts';
