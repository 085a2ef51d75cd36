import { sql } from "drizzle-orm";
import { type Actor, auditActorOf } from "../../../platform/auth/actor";
import { type Db, type Queryable, rowsOf } from "../../../platform/db/client";
import { NotFound } from "../../../platform/errors";
import { authorize } from "../../../platform/policy";
import { foreignAuthorityKindLabels } from "../fiches/partner-fiches";
import { codeLookup, comparable } from "../import/lookups";
import { refreshProjectIndex } from "../project-index";
import { assertCurrentVersion, recordVersion, sentVersion, snapshotChanges } from "./versions";
import {
  foreignAuthorities,
  foreignAuthorityKinds,
  writeForeignAuthority,
} from "../../register/index";
import { changing } from "../../../platform/changes";
import { parseInput, textField } from "../../../platform/validation";
import { z } from "zod";

const kindOf = codeLookup(
  foreignAuthorityKinds.map((kind) => [kind, foreignAuthorityKindLabels[kind] ?? kind]),
);

async function readAuthority(q: Queryable, id: number, { lock = false } = {}) {
  const [row] = rowsOf<{
    id: number;
    name: string;
    kind: string;
    country_code: string;
    organisation_id: number | null;
    version: number;
    city: string | null;
  }>(
    await q.execute(sql`
      SELECT fa.id, fa.name, fa.kind, fa.country_code, fa.organisation_id, fa.version, c.name AS city
        FROM ${foreignAuthorities} fa LEFT JOIN ref_cities c ON c.id = fa.city_id
       WHERE fa.id = ${id} ${lock ? sql`FOR UPDATE OF fa` : sql``}`),
  );
  if (!row) throw new NotFound("Cette autorité locale n'existe pas.");
  return { ...row, snapshot: { name: row.name, kind: row.kind, city: row.city } };
}

/** A foreign authority's own profile, for its members and the DAECT. */
export async function editableAuthority(db: Db, actor: Actor, id: number) {
  const authority = await readAuthority(db, id);
  authorize(actor, "atlas:authority:edit", { organisationId: authority.organisation_id ?? -1 });
  return authority;
}

/**
 * Saves the name, kind and city of a foreign authority (the city places it on the maps),
 * with optimistic locking; the projects that name it are re-indexed.
 */
export async function updateAuthority(
  db: Db,
  actor: Actor,
  id: number,
  values: Record<string, string>,
) {
  const current = await editableAuthority(db, actor, id);
  const cityText = (values.city ?? "").trim();
  const [city] = cityText
    ? rowsOf<{ id: number; name: string; latitude: number; longitude: number }>(
        await db.execute(sql`
          SELECT id, name, latitude, longitude FROM ref_cities
           WHERE country_code = ${current.country_code}
             AND lower(unaccent(name)) = ${comparable(cityText)}
           ORDER BY population DESC LIMIT 1`),
      )
    : [];
  const { name, kind } = parseInput(
    z.object({
      name: textField("Le nom de l'autorité", 200),
      kind: z
        .string({ message: "Choisissez un type d'autorité de la liste." })
        .transform((value) => kindOf(value))
        .refine((value) => value !== null, "Choisissez un type d'autorité de la liste."),
      city: z
        .string()
        .refine(
          () => !cityText || city !== undefined,
          `« ${cityText} » n'est pas une ville connue de ce pays : vérifiez l'orthographe.`,
        ),
    }),
    { name: values.name, kind: values.kind, city: cityText },
  );
  const after = { name, kind: kind as string, city: city?.name ?? null };
  const expected = sentVersion(values);
  return changing(db, "atlas", async (tx) => {
    const stored = await readAuthority(tx, id, { lock: true });
    await assertCurrentVersion(
      tx,
      "authority",
      id,
      { version: stored.version, snapshot: stored.snapshot },
      { version: expected, snapshot: after },
    );
    const changes = snapshotChanges(stored.snapshot, after);
    if (Object.keys(changes).length === 0) return { version: stored.version, changed: false };
    const version = stored.version + 1;
    await writeForeignAuthority(
      tx,
      id,
      { name, kind: kind as (typeof foreignAuthorityKinds)[number], city: city ?? null },
      version,
    );
    await recordVersion(tx, auditActorOf(actor), {
      entityType: "authority",
      entityId: id,
      version,
      before: stored.snapshot,
      after,
      changes,
    });
    const projects = rowsOf<{ project_id: number }>(
      await tx.execute(sql`
        SELECT DISTINCT pp.project_id FROM atlas_project_partnerships pp
          JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = pp.partnership_id
         WHERE pfa.foreign_authority_id = ${id}`),
    ).map((row) => row.project_id);
    if (projects.length > 0) await refreshProjectIndex(tx, { ids: projects });
    return { version, changed: true };
  });
}
