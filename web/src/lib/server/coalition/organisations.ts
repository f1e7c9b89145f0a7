/** The coalition's organisations (`@concord/coalition`), for the `/coalition` page's actions. */
import * as coalition from '@concord/coalition';
import { glued } from './refusals.ts';

export const addOrganisation = glued(coalition.addOrganisation);
export const changeOrganisation = glued(coalition.changeOrganisation);
export const handChair = glued(coalition.handChair);
