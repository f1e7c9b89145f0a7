export { createHubContext, type HubContext, type HubEnvironment } from './hub-context.ts';
export { createServerSync } from './server-sync.ts';
