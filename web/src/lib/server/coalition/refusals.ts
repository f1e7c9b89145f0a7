/**
 * What the coalition pages answer to a refusal of `@concord/coalition` (../refusals.ts), worded
 * by the registry's `coalition` area. Not-found and the rest keep their codes, for `act` and
 * `loading`.
 */
import { refusalsOf } from '../refusals.ts';

const refusals = refusalsOf('coalition');

export const { managing, glued } = refusals;
/** Annotated: a call of it ends the code path it is in (TypeScript needs the type written out). */
export const answerRefusal: (caught: unknown) => never = refusals.answerRefusal;
