export { authorizedStatement, callStances, closeEarly, extendCall, openCall, takePosition, withdrawCall, type OpenCallInput, type PositionInput } from './service.ts';
export { runCallScheduler, unsettledAfterMs, type SchedulerRun } from './scheduler.ts';
export type * from './ports.ts';
