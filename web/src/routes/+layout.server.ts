import { authorize } from '@concord/core';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
  const { principal } = locals;
  const canManage =
    principal !== null &&
    (authorize({ actor: principal, action: 'coalition.manage', coalitionId: principal.coalitionId }).allow ||
      authorize({ actor: principal, action: 'organisation.manage-delegates', organisation: { id: principal.organisationId, coalitionId: principal.coalitionId, isChair: principal.isChair } }).allow);
  return { principal, canManage };
};
