export { signIn, requestPasswordReset, resetPassword, findValidResetToken } from "./auth-commands";
export {
  inviteMember,
  acceptInvitation,
  findPendingInvitation,
  purgeExpiredInvitations,
} from "./invitations-commands";
export {
  organisationWithMembers,
  listUsers,
  listOrganisations,
  listOutbox,
  outboxMail,
} from "./queries";
export {
  approveAccessRequest,
  confirmAccessRequest,
  refuseAccessRequest,
  requestAccess,
} from "./access-request-commands";
export { accessRequestTasks } from "./access-request-tasks";

import { accessRequestWorkflow } from "./access-request-workflow";
/** The accounts' workflows: access requests. */
export const workflows = [accessRequestWorkflow] as const;
export { accessRequestWorkflow };
