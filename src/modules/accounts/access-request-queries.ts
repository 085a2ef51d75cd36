import { eq } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { Queryable } from "../../platform/db/client";
import { NotFound, Unauthenticated } from "../../platform/errors";
import { can } from "../../platform/policy";
import { recordHistory } from "../../platform/workflow/history";
import { accessRequestResource, accessRequestWorkflow } from "./access-request-workflow";
import { personFunctionLabels } from "./codes";
import { accessRequests } from "./schema";

/**
 * An access request as its approvers see it; anyone else is told it does not exist (a
 * request names a person and an address).
 */
export async function accessRequestView(q: Queryable, actor: Actor, requestId: number) {
  // An approver whose session ended signs in again; nobody else learns anything.
  if (actor.kind === "visitor") throw new Unauthenticated();
  const [request] = await q.select().from(accessRequests).where(eq(accessRequests.id, requestId));
  const gone = new NotFound("Cette demande d'accès n'existe pas.");
  if (!request) throw gone;
  const approves = can(actor, "accounts:access:approve", await accessRequestResource(q, request));
  if (!approves) throw gone;
  return {
    id: request.id,
    status: request.status,
    version: request.version,
    person: `${request.givenName} ${request.familyName}`,
    email: request.email,
    personFunction:
      request.personFunction === "autre"
        ? request.functionOther
        : personFunctionLabels[request.personFunction],
    organisation: request.organisationName,
    confirmedAt: request.confirmedAt?.toISOString() ?? null,
    refusalReason: request.refusalReason,
    decide: request.status === "pending",
    history: await recordHistory(q, accessRequestWorkflow, request.id),
  };
}

export type AccessRequestView = Awaited<ReturnType<typeof accessRequestView>>;
