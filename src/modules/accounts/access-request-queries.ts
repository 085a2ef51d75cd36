import { eq } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { Queryable } from "../../platform/db/client";
import { NotFound, Unauthenticated } from "../../platform/errors";
import { can } from "../../platform/policy";
import { recordHistory } from "../../platform/workflow/history";
import { accessRequestResource, accessRequestWorkflow } from "./access-request-workflow";
import { personFunctionLabels } from "./codes";
import {
  type CollectiviteKind,
  collectiviteKindLabels,
  collectiviteOfUnit,
  referenceUnitName,
} from "../register/index";
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
    proposal: request.proposedUnitId ? await proposalOf(q, request) : null,
    confirmedAt: request.confirmedAt?.toISOString() ?? null,
    refusalReason: request.refusalReason,
    decide: request.status === "pending",
    history: await recordHistory(q, accessRequestWorkflow, request.id),
  };
}

export type AccessRequestView = Awaited<ReturnType<typeof accessRequestView>>;

/**
 * A collectivité asked for by its code: what the reference data says of it and of the
 * communes a commune nouvelle replaces, for the DAECT to check before approving.
 */
async function proposalOf(
  q: Queryable,
  request: { proposedUnitId: string | null; formerUnitIds: string[] },
) {
  const unitId = request.proposedUnitId!;
  const [kind, code] = unitId.split(":");
  return {
    kind: collectiviteKindLabels[kind as CollectiviteKind] ?? kind,
    code,
    reference: await referenceUnitName(q, unitId),
    former: await Promise.all(
      request.formerUnitIds.map(async (formerId) => ({
        code: formerId.split(":")[1],
        reference: await referenceUnitName(q, formerId),
        inRegister: (await collectiviteOfUnit(q, formerId))?.name ?? null,
      })),
    ),
  };
}
