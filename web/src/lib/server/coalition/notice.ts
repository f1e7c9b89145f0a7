/** The coalition's notice for consensus calls (`@concord/coalition`), for the `/coalition` page. */
import * as coalition from '@concord/coalition';
import { glued } from './refusals.ts';

/** Sets the notice; returns false when nothing changed. */
export const setNotice = glued(coalition.setNotice);
