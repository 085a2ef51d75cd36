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
