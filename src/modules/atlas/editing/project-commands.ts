import { eq } from "drizzle-orm";
import { recordChange } from "../../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../../platform/auth/actor";
import type { Db } from "../../../platform/db/client";
import { Invalid, NotFound } from "../../../platform/errors";
import { actingMembership, authorize } from "../../../platform/policy";
import { parseInput, textField } from "../../../platform/validation";
import { atlasLabels } from "../labels";
import { refreshProjectIndex } from "../project-index";
import { projects } from "../schema";
import { projectRemarks } from "./editing-schema";
import { type ProjectInput, projectInputSchema } from "./project-input";
import {
  insertProject,
  overwriteProject,
  partnershipChoices,
  projectScope,
  readProject,
} from "./project-record";
import { assertCurrentVersion, recordVersion, sentVersion, snapshotChanges } from "./versions";
import { z } from "zod";
import { collectiviteOwner } from "../../register/index";
import { changing } from "../../../platform/changes";

type FormValues = Record<string, string | string[] | undefined>;

export async function parseProjectInput(db: Db, values: FormValues): Promise<ProjectInput> {
  return parseInput(projectInputSchema(await atlasLabels(db)), values);
}

/** A project belongs only to partnerships of its collectivité (or those it already has). */
async function assertPartnershipsAllowed(
  db: Db,
  chosen: number[],
  collectiviteId: number | null,
  current: number[] = [],
) {
  const allowed = new Set(
    (await partnershipChoices(db, collectiviteId ? [collectiviteId] : [], current)).map(
      (choice) => choice.id,
    ),
  );
  if (chosen.some((id) => !allowed.has(id)))
    throw new Invalid({
      partnershipIds: "Un partenariat choisi n'est pas un partenariat de la collectivité porteuse.",
    });
}

export async function editableProject(db: Db, actor: Actor, projectId: number) {
  const scope = await projectScope(db, projectId);
  if (!scope) throw new NotFound("Ce projet n'existe pas.");
  authorize(actor, "atlas:project:edit", scope);
  const stored = await readProject(db, projectId);
  if (!stored) throw new NotFound("Ce projet n'existe pas.");
  return stored;
}

/**
 * Saves an edit of a project made from a form opened on `values.version`. If the project
 * changed since, nothing is written and StaleVersion tells who changed it and what is
 * stored now. A save that changes nothing keeps the version.
 */
export async function updateProject(db: Db, actor: Actor, projectId: number, values: FormValues) {
  const before = await editableProject(db, actor, projectId);
  const input = await parseProjectInput(db, values);
  const expected = sentVersion(values);
  await assertPartnershipsAllowed(
    db,
    input.partnershipIds,
    before.leadCollectiviteId,
    before.input.partnershipIds,
  );
  return changing(db, "atlas", async (tx) => {
    const stored = await readProject(tx, projectId, { lock: true });
    if (!stored) throw new NotFound("Ce projet n'existe pas.");
    await assertCurrentVersion(
      tx,
      "project",
      projectId,
      { version: stored.version, snapshot: stored.input },
      { version: expected, snapshot: input },
    );
    const changes = snapshotChanges(stored.input, input);
    if (Object.keys(changes).length === 0) return { version: stored.version, changed: false };
    const version = stored.version + 1;
    await overwriteProject(tx, projectId, version, input);
    await recordVersion(tx, auditActorOf(actor), {
      entityType: "project",
      entityId: projectId,
      version,
      before: stored.input,
      after: input,
      changes,
    });
    await refreshProjectIndex(tx, { ids: [projectId] });
    return { version, changed: true };
  });
}

/** A collectivité's agent (or the DAECT) adds a project led by that collectivité. */
export async function createProject(
  db: Db,
  actor: Actor,
  collectiviteId: number,
  values: FormValues,
) {
  const owner = await collectiviteOwner(db, collectiviteId);
  if (!owner) throw new NotFound("Cette collectivité n'existe pas.");
  authorize(actor, "atlas:project:create", { organisationId: owner.organisationId ?? -1 });
  const input = await parseProjectInput(db, values);
  await assertPartnershipsAllowed(db, input.partnershipIds, owner.id);
  return changing(db, "atlas", async (tx) => {
    const projectId = await insertProject(tx, owner.id, input);
    await recordVersion(tx, auditActorOf(actor), {
      entityType: "project",
      entityId: projectId,
      version: 1,
      before: null,
      after: input,
      changes: snapshotChanges(null, input),
    });
    await refreshProjectIndex(tx, { ids: [projectId] });
    return { projectId };
  });
}

const remarkSchema = z.object({ body: textField("Le texte de la remarque", 2_000) });

/**
 * An embassy, operator, network or the DAECT completes a project of its territory. The
 * remark is signed by the organisation; the project's content and version are untouched,
 * but its fiche changes, so its last-change time moves.
 */
export async function addProjectRemark(
  db: Db,
  actor: Actor,
  projectId: number,
  values: FormValues,
) {
  const scope = await projectScope(db, projectId);
  if (!scope) throw new NotFound("Ce projet n'existe pas.");
  authorize(actor, "atlas:project:remark", scope);
  const membership = actingMembership(actor, "atlas:project:remark", scope)!;
  const { body } = parseInput(remarkSchema, values);
  return changing(db, "atlas", async (tx) => {
    const [remark] = await tx
      .insert(projectRemarks)
      .values({
        projectId,
        organisationId: membership.organisationId,
        authorUserId: actor.kind === "user" ? actor.userId : null,
        body,
      })
      .returning();
    await tx.update(projects).set({ updatedAt: new Date() }).where(eq(projects.id, projectId));
    await recordChange(tx, auditActorOf(actor), {
      operation: "create",
      entityType: "atlas_project_remark",
      entityId: remark.id,
      after: { projectId, organisation: membership.organisationName, body },
    });
    return remark;
  });
}
