/** Task forces (`@concord/coalition`), for the `/coalition` page's actions. */
import * as coalition from '@concord/coalition';
import { glued } from './refusals.ts';

export const createTaskForce = glued(coalition.createTaskForce);
/** Adds (`member` true) or removes an organisation. */
export const setTaskForceMember = glued(coalition.setTaskForceMember);
export const deleteTaskForce = glued(coalition.deleteTaskForce);
