export { signIn, requestPasswordReset, resetPassword, findValidResetToken } from "./auth-commands";
export {
  inviteMember,
  acceptInvitation,
  findPendingInvitation,
} from "./invitations-commands";
export { removeMember, setMemberRole } from "./membership-commands";
export { purgeAccounts } from "./housekeeping";
export {
  federatedSubjectFor,
  finishProConnect,
  linkByMailedToken,
  linkWithPassword,
  mailLinkConfirmation,
  mailedLinkWaiting,
  pendingProConnect,
  startProConnect,
} from "./proconnect-commands";
export {
  accountOf,
  changePassword,
  closeAccount,
  confirmEmailChange,
  emailChangeWaiting,
  endOtherSessions,
  endSession,
  requestEmailChange,
  updateProfile,
} from "./account-commands";
export {
  organisationWithMembers,
  listUsers,
  listOrganisations,
  listOutbox,
  parseOutboxFilters,
  outboxFilterNames,
  outboxMail,
} from "./queries";
export {
  approveAccessRequest,
  confirmAccessRequest,
  pendingConfirmation,
  refuseAccessRequest,
  requestAccess,
  requestMissingCollectivite,
} from "./access-request-commands";
export { accessRequestTasks } from "./access-request-tasks";
export { type AccessRequestView, accessRequestView } from "./access-request-queries";

import { accessRequestWorkflow } from "./access-request-workflow";
/** The accounts' workflows: access requests. */
export const workflows = [accessRequestWorkflow] as const;
export { accessRequestWorkflow };

import type { TaskProvider } from "../../platform/tasks";
import { accessRequestTasks as accessRequestTaskProvider } from "./access-request-tasks";
/** What waits for a person in the accounts: access requests to approve. */
export const taskProviders: readonly TaskProvider[] = [accessRequestTaskProvider];

import type { PersonalDataProvider } from "../../platform/personal-data";
import { accountPersonalData } from "./account-commands";
/** What the accounts keep about a person: the account, memberships, requests, sessions. */
export const personalDataProviders: readonly PersonalDataProvider[] = [accountPersonalData];
