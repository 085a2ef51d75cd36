import { eq, sql } from "drizzle-orm";
import { type Actor, auditActorOf } from "../../../platform/auth/actor";
import { type Db, type Queryable, type Tx, rowsOf } from "../../../platform/db/client";
import { Invalid, NotFound } from "../../../platform/errors";
import { authorize } from "../../../platform/policy";
import { checkPartnershipRow } from "../import/check-rows";
import { loadImportContext } from "../import/import-context";
import { codeLookup, parseFrenchDate } from "../import/lookups";
import { writePartnerships } from "../import/write-rows";
import { atlasLabels } from "../labels";
import { type partnershipKinds, partnershipStatuses, partnerships } from "../schema";
import { assertCurrentVersion, recordVersion, sentVersion, snapshotChanges } from "./versions";
import { collectivites } from "../../register/index";
import { changing } from "../../../platform/changes";
import { parseInput } from "../../../platform/validation";
import { z } from "zod";

/** The fields of the new-partnership form: the columns of the partnership import. */
export const partnershipFormFields = [
  "autorite_partenaire",
  "type_autorite",
  "pays",
  "ville",
  "latitude",
  "longitude",
  "type_partenariat",
  "date_signature",
  "statut",
] as const;

/**
 * An agent (or the DAECT) declares a partnership of its collectivité with a foreign
 * authority, found by name and country or created. Checked exactly as an import line.
 */
export async function createPartnership(
  db: Db,
  actor: Actor,
  collectiviteId: number,
  values: Record<string, string>,
) {
  const checked = await checkNewPartnership(db, actor, collectiviteId, values);
  return changing(db, "atlas", (tx) => writeNewPartnership(tx, actor, checked));
}

export type CheckedPartnership = Awaited<ReturnType<typeof checkNewPartnership>>;

/** Checks the new-partnership form for a collectivité, with the actor's right to declare it. */
export async function checkNewPartnership(
  q: Queryable,
  actor: Actor,
  collectiviteId: number,
  values: Record<string, string | undefined>,
) {
  const [owner] = rowsOf<{ unit_id: string; organisation_id: number | null }>(
    await q.execute(
      sql`SELECT unit_id, organisation_id FROM ${collectivites} WHERE id = ${collectiviteId}`,
    ),
  );
  if (!owner) throw new NotFound("Cette collectivité n'existe pas.");
  authorize(actor, "atlas:partnership:create", { organisationId: owner.organisation_id ?? -1 });
  const [kind, code] = owner.unit_id.split(":");
  const row: Record<string, string> = {
    _line: "1",
    type_collectivite: kind,
    code_collectivite: code,
  };
  for (const field of partnershipFormFields) row[field] = (values[field] ?? "").trim();
  const context = await loadImportContext(q, "partnerships", [row]);
  const checked = checkPartnershipRow(row, context, new Map());
  if (!checked.ok)
    throw new Invalid(
      Object.fromEntries(checked.errors.map((error) => [error.column, error.message])),
    );
  return checked.value;
}

/** Writes a checked partnership and its first version, inside the caller's transaction. */
export async function writeNewPartnership(tx: Tx, actor: Actor, checked: CheckedPartnership) {
  const [id] = (await writePartnerships(tx, [checked])).ids;
  const snapshot = { kind: checked.kind, signedOn: checked.signedOn, status: checked.status };
  await recordVersion(tx, auditActorOf(actor), {
    entityType: "partnership",
    entityId: id,
    version: 1,
    before: null,
    after: snapshot,
    changes: snapshotChanges(null, snapshot),
  });
  return { partnershipId: id };
}

async function partnershipScope(q: Queryable, partnershipId: number) {
  const [row] = rowsOf<{
    organisation_ids: number[] | null;
    kind: string;
    signed_on: string | null;
    status: string;
    version: number;
  }>(
    await q.execute(sql`
      SELECT p.kind, p.signed_on::text, p.status, p.version,
             (SELECT array_agg(c.organisation_id) FROM atlas_partnership_collectivites pc
                JOIN ${collectivites} c ON c.id = pc.collectivite_id
               WHERE pc.partnership_id = p.id) AS organisation_ids
        FROM atlas_partnerships p WHERE p.id = ${partnershipId}`),
  );
  if (!row) throw new NotFound("Ce partenariat n'existe pas.");
  return {
    scope: { organisationIds: (row.organisation_ids ?? []).filter((id) => id !== null) },
    version: row.version,
    snapshot: { kind: row.kind, signedOn: row.signed_on, status: row.status },
  };
}

export async function editablePartnership(db: Db, actor: Actor, partnershipId: number) {
  const found = await partnershipScope(db, partnershipId);
  authorize(actor, "atlas:partnership:edit", found.scope);
  return { id: partnershipId, version: found.version, ...found.snapshot };
}

/** Changes a partnership's kind, signature date or status, with optimistic locking. */
export async function updatePartnership(
  db: Db,
  actor: Actor,
  partnershipId: number,
  values: Record<string, string>,
) {
  await editablePartnership(db, actor, partnershipId);
  const kindOf = codeLookup((await atlasLabels(db)).partnershipKind);
  const input = parseInput(
    z.object({
      kind: z
        .string({ message: "Choisissez un type de partenariat de la liste." })
        .transform((value) => kindOf(value) as (typeof partnershipKinds)[number] | null)
        .refine((value) => value !== null, "Choisissez un type de partenariat de la liste."),
      status: z.enum(partnershipStatuses, { message: "Choisissez un statut de la liste." }),
      signedOn: z
        .string()
        .trim()
        .default("")
        .transform((text) => ({ text, date: text ? parseFrenchDate(text) : null }))
        .refine(
          ({ text, date }) => !text || date !== null,
          `« ${(values.signedOn ?? "").trim()} » n'est pas une date valide (JJ/MM/AAAA).`,
        )
        .transform(({ date }) => date),
    }),
    values,
  );
  const after = { kind: input.kind, signedOn: input.signedOn, status: input.status };
  const expected = sentVersion(values);
  return changing(db, "atlas", async (tx) => {
    await tx.execute(sql`SELECT 1 FROM atlas_partnerships WHERE id = ${partnershipId} FOR UPDATE`);
    const stored = await partnershipScope(tx, partnershipId);
    await assertCurrentVersion(
      tx,
      "partnership",
      partnershipId,
      { version: stored.version, snapshot: stored.snapshot },
      { version: expected, snapshot: after },
    );
    const changes = snapshotChanges(stored.snapshot, after);
    if (Object.keys(changes).length === 0) return { version: stored.version, changed: false };
    const version = stored.version + 1;
    await tx
      .update(partnerships)
      .set({ ...after, version, updatedAt: new Date() })
      .where(eq(partnerships.id, partnershipId));
    await recordVersion(tx, auditActorOf(actor), {
      entityType: "partnership",
      entityId: partnershipId,
      version,
      before: stored.snapshot,
      after,
      changes,
    });
    return { version, changed: true };
  });
}
