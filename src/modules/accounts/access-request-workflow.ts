import { holdersOf } from "../../platform/policy";
import { mailMembers } from "../../platform/auth/member-addresses";
import type { Queryable } from "../../platform/db/client";
import { enqueueMail } from "../../platform/mail/outbox";
import { type EventContext, defineWorkflow } from "../../platform/workflow/define";
import type { Resource } from "../../platform/policy";
import { type AccessRequestStatus, accessRequestStatuses } from "./codes";
import { accessMails } from "./access-request-mails";
import { accessRequests } from "./schema";
import { hasAdministrator } from "./administrators";

export type AccessRequestRow = typeof accessRequests.$inferSelect;
export type AccessRequestEvent = "confirm" | "approve" | "refuse";

/**
 * Who approves: the administrators of the organisation asked when it has some; otherwise
 * the DAECT and, for a collectivité, the prefecture of its région.
 */
export async function accessRequestResource(
  q: Queryable,
  request: Pick<AccessRequestRow, "organisationId" | "regionCode">,
): Promise<Resource> {
  if (await hasAdministrator(q, request.organisationId))
    return { organisationId: request.organisationId! };
  return { regionCodes: request.regionCode ? [request.regionCode] : [] };
}

async function mailApprovers({ tx, after, publicUrl }: EventContext<AccessRequestRow>) {
  await mailMembers(
    tx,
    holdersOf("accounts:access:approve", await accessRequestResource(tx, after)),
    {
      ...accessMails.toApprove({
        person: `${after.givenName} ${after.familyName}`,
        organisation: after.organisationName,
        url: `${publicUrl}/mon-espace`,
      }),
      template: "access-request-to-approve",
      idempotencyKey: `access-request:${after.id}:to-approve`,
    },
  );
}

async function mailRefusal({ tx, after }: EventContext<AccessRequestRow>) {
  await enqueueMail(tx, {
    to: after.email,
    ...accessMails.refused({ organisation: after.organisationName, reason: after.refusalReason }),
    template: "access-request-refused",
    idempotencyKey: `access-request:${after.id}:refuse`,
  });
}

/**
 * A request for an account: the mailed link confirms the address, then an approver of the
 * organisation accepts it (the person becomes a member, its first one the administrator)
 * or refuses it with a reason.
 */
export const accessRequestWorkflow = defineWorkflow<
  AccessRequestRow,
  AccessRequestStatus,
  AccessRequestEvent
>({
  name: "access_request",
  table: accessRequests,
  states: accessRequestStatuses,
  field: "demande",
  notFound: "Cette demande d'accès n'existe pas.",
  staleMessage:
    "La demande a été traitée ou modifiée depuis que vous avez ouvert cette page : rien n'a été enregistré.",
  editable: {},
  lockedMessage: "Une demande d'accès ne se modifie pas : refusez-la ou acceptez-la.",
  resource: accessRequestResource,
  events: {
    /** The person followed the mailed link (checked by the command). */
    confirm: {
      label: "Adresse confirmée",
      from: ["unconfirmed"],
      to: "pending",
      by: ["system"],
      refusal: "Cette adresse est déjà confirmée.",
      mail: mailApprovers,
    },
    approve: {
      label: "Demande acceptée",
      from: ["pending"],
      to: "approved",
      by: ["accounts:access:approve"],
      refusal: "Seule une demande en attente de validation peut être acceptée.",
      // The welcome mail carries the account's first-password link: the command writes it
      // once the account exists.
    },
    refuse: {
      label: "Demande refusée",
      from: ["pending"],
      to: "refused",
      by: ["accounts:access:approve"],
      refusal: "Seule une demande en attente de validation peut être refusée.",
      mail: mailRefusal,
    },
  },
});
