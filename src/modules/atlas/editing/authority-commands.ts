import { sql } from "drizzle-orm";
import { type Actor, auditActorOf } from "../../../platform/auth/actor";
import { type Db, type Queryable, rowsOf } from "../../../platform/db/client";
import { Invalid, NotFound } from "../../../platform/errors";
import { authorize } from "../../../platform/policy";
import { foreignAuthorityKindLabels } from "../fiches/partner-fiches";
import { codeLookup, comparable } from "../import/lookups";
import { placeOfNewAuthority } from "../import/place";
import { atlasLabels } from "../labels";
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
    latitude: number | null;
    longitude: number | null;
  }>(
    await q.execute(sql`
      SELECT fa.id, fa.name, fa.kind, fa.country_code, fa.organisation_id, fa.version,
             c.name AS city, fa.latitude, fa.longitude
        FROM ${foreignAuthorities} fa LEFT JOIN ref_cities c ON c.id = fa.city_id
       WHERE fa.id = ${id} ${lock ? sql`FOR UPDATE OF fa` : sql``}`),
  );
  if (!row) throw new NotFound("Cette autorité locale n'existe pas.");
  return {
    ...row,
    snapshot: {
      name: row.name,
      kind: row.kind,
      city: row.city,
      position: positionText(row.latitude, row.longitude),
    },
  };
}

/** A point as a French reader types it: « 14,1833 ; -16,6667 ». */
function positionText(latitude: number | null, longitude: number | null) {
  if (latitude === null || longitude === null) return null;
  return `${String(latitude).replace(".", ",")} ; ${String(longitude).replace(".", ",")}`;
}

const cityName = async (q: Queryable, cityId: number) =>
  rowsOf<{ name: string }>(
    await q.execute(sql`SELECT name FROM ref_cities WHERE id = ${cityId}`),
  )[0]?.name ?? null;

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
    ? rowsOf<{ id: number; latitude: number; longitude: number }>(
        await db.execute(sql`
          SELECT id, latitude, longitude FROM ref_cities
           WHERE country_code = ${current.country_code}
             AND lower(unaccent(name)) = ${comparable(cityText)}
           ORDER BY population DESC LIMIT 1`),
      )
    : [];
  const typedPoint = Boolean(values.latitude?.trim() || values.longitude?.trim());
  // A city, known or not, or a point: placed as a new authority is (check-rows), else kept.
  const placed =
    cityText || typedPoint
      ? placeOfNewAuthority(
          { ville: cityText, latitude: values.latitude ?? "", longitude: values.longitude ?? "" },
          current.country_code,
          cityText,
          {
            cityByName: new Map(
              city ? [[`${current.country_code}|${comparable(cityText)}`, city]] : [],
            ),
            labels: await atlasLabels(db),
          },
        )
      : null;
  // Every mistake at once: the name and kind's, and the place's.
  const placeErrors =
    placed && !placed.ok
      ? Object.fromEntries(
          placed.errors.map((error) => [
            error.column === "ville" ? "city" : error.column,
            error.message,
          ]),
        )
      : {};
  let parsed: { name: string; kind: string | null | undefined };
  try {
    parsed = parseInput(
      z.object({
        name: textField("Le nom de l'autorité", 200),
        kind: z
          .string({ message: "Choisissez un type d'autorité de la liste." })
          .transform((value) => kindOf(value))
          .refine((value) => value !== null, "Choisissez un type d'autorité de la liste."),
      }),
      { name: values.name, kind: values.kind },
    );
  } catch (error) {
    if (error instanceof Invalid) throw new Invalid({ ...error.fieldErrors, ...placeErrors });
    throw error;
  }
  if (Object.keys(placeErrors).length > 0) throw new Invalid(placeErrors);
  const { name, kind } = parsed;
  const place = placed?.ok ? placed.place : null;
  const after = {
    name,
    kind: kind as string,
    city: place?.id ? await cityName(db, place.id) : place ? null : current.city,
    position: place ? positionText(place.latitude, place.longitude) : current.snapshot.position,
  };
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
      { name, kind: kind as (typeof foreignAuthorityKinds)[number], city: place },
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
