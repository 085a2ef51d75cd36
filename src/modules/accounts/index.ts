export { signIn, requestPasswordReset, resetPassword, findValidResetToken } from "./auth.commands";
export { inviteMember, acceptInvitation, findPendingInvitation } from "./invitations.commands";
export {
  organisationWithMembers,
  listUsers,
  listOrganisations,
  listOutbox,
  outboxMail,
} from "./queries";
