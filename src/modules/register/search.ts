import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { parseInput } from "../../platform/validation";
import { z } from "zod";
import { organisationGroups } from "./codes";
import { folded, likeLiteral } from "../../platform/db/french-order";

export { type OrganisationGroup, organisationGroupLabels, organisationGroups } from "./codes";

/** One organisation found: where it is in the register, and how to tell homonyms apart. */
export interface FoundOrganisation {
  /** `collectivite:<id>`, `authority:<id>` (register entries) or `organisation:<id>`. */
  ref: string;
  name: string;
  /** The département of a commune, the country of an authority… */
  detail: string;
  /** The official code: INSEE for a commune, département or région, SIREN for an EPCI. */
  code: string | null;
}

const searchSchema = z.object({
  group: z.enum(organisationGroups, {
    message: "Choisissez le type d'organisation dans la liste.",
  }),
  q: z
    .string({ message: "Saisissez au moins deux lettres du nom, ou le code INSEE ou SIREN." })
    .trim()
    .min(2, "Saisissez au moins deux lettres du nom, ou le code INSEE ou SIREN.")
    .max(100, "La recherche est trop longue (100 caractères au plus)."),
});

/**
 * The organisations of a group whose name contains what is typed (accents and case
 * ignored; names starting with it first), or whose INSEE or SIREN code it is. Communes
 * carry their département, so that the many Saint-Martin are told apart.
 */
export async function findOrganisations(
  q: Queryable,
  input: { group?: unknown; q?: unknown },
  limit = 20,
): Promise<FoundOrganisation[]> {
  const { group, q: typed } = parseInput(searchSchema, input);
  const pattern = `%${likeLiteral(typed)}%`;
  const starts = `${likeLiteral(typed)}%`;
  const rank = (name: SQL) =>
    sql`(${folded(name)} LIKE lower(unaccent(${starts}))) DESC, length(${name}), ${name}`;
  if (group === "collectivite") {
    const code = typed.toUpperCase();
    return foundCollectivites(
      q,
      sql`c.replaced_by_id IS NULL
          AND (${folded(sql`c.name`)} LIKE lower(unaccent(${pattern})) OR u.code = ${code} OR u.siren = ${code})`,
      sql`${rank(sql`c.name`)}, c.id`,
      limit,
    );
  }
  if (group === "foreign_authority")
    return rowsOf<FoundOrganisation>(
      await q.execute(sql`
        SELECT 'authority:' || a.id AS ref, a.name, coalesce(k.name_fr, a.country_code) AS detail,
               NULL AS code
          FROM register_foreign_authorities a
          LEFT JOIN ref_countries k ON k.code = a.country_code
         WHERE ${folded(sql`a.name`)} LIKE lower(unaccent(${pattern}))
         ORDER BY ${rank(sql`a.name`)}, a.id
         LIMIT ${limit}`),
    );
  return rowsOf<FoundOrganisation>(
    await q.execute(sql`
      SELECT 'organisation:' || o.id AS ref, o.name, '' AS detail, NULL AS code
        FROM organisations o
       WHERE o.kind = ${group} AND ${folded(sql`o.name`)} LIKE lower(unaccent(${pattern}))
       ORDER BY ${rank(sql`o.name`)}, o.id
       LIMIT ${limit}`),
  );
}

/** Collectivités as the access request lists them: name, département or région, code. */
async function foundCollectivites(q: Queryable, where: SQL, orderBy: SQL, limit: number) {
  return rowsOf<FoundOrganisation>(
    await q.execute(sql`
      SELECT 'collectivite:' || c.id AS ref, c.name,
             coalesce(d.name || ' (' || c.departement_code || ')', r.name, '') AS detail,
             CASE WHEN u.kind = 'epci' THEN u.siren ELSE u.code END AS code
        FROM register_collectivites c
        LEFT JOIN ref_territorial_units u ON u.id = c.unit_id
        LEFT JOIN ref_territorial_units d ON d.kind = 'departement' AND d.code = c.departement_code
        LEFT JOIN ref_territorial_units r ON r.kind = 'region' AND r.code = c.region_code
       WHERE ${where}
       ORDER BY ${orderBy}
       LIMIT ${limit}`),
  );
}

/**
 * One collectivité already chosen, as a mail to a collectivité without members links to
 * it (`collectivite:<id>`); anything else is no choice.
 */
export async function chosenCollectivite(q: Queryable, ref: string | null) {
  const id = /^collectivite:(\d{1,9})$/.exec(ref ?? "")?.[1];
  if (!id) return null;
  const [found] = await foundCollectivites(q, sql`c.id = ${Number(id)}`, sql`c.id`, 1);
  return found ?? null;
}

/** The register's entry for an official unit, if it has one ("commune:29019"). */
export async function collectiviteOfUnit(q: Queryable, unitId: string) {
  const [found] = rowsOf<{ id: number; name: string }>(
    await q.execute(sql`SELECT id, name FROM register_collectivites WHERE unit_id = ${unitId}`),
  );
  return found ?? null;
}

/** The official name of a unit in the reference data, if it exists there. */
export async function referenceUnitName(q: Queryable, unitId: string) {
  const [found] = rowsOf<{ name: string; detail: string | null }>(
    await q.execute(sql`
      SELECT u.name, d.name || ' (' || u.departement_code || ')' AS detail
        FROM ref_territorial_units u
        LEFT JOIN ref_territorial_units d ON d.kind = 'departement' AND d.code = u.departement_code
       WHERE u.id = ${unitId}`),
  );
  return found ? [found.name, found.detail].filter(Boolean).join(", ") : null;
}
