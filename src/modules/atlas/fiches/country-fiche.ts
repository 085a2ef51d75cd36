import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/client";
import { NotFound } from "../../../platform/errors";
import { collectiviteKindLabels } from "../labels";
import {
  collectiviteLabel,
  collectivites as registerCollectivites,
  foreignAuthorities,
} from "../../register/index";
import { countryWithArticle, inCountry } from "../../../platform/french/place-names";
import { frenchOrder } from "../../../platform/db/french-order";

/** "La coopération décentralisée avec le Sénégal": figures and who takes part. */
export async function countryFiche(db: Db, countryCode: string) {
  const code = countryCode.toUpperCase();
  const [country] = rowsOf<{
    code: string;
    nameFr: string;
    nameWithArticle: string | null;
    nameAfterA: string | null;
    continent: string;
  }>(
    await db.execute(sql`
      SELECT code, name_fr AS "nameFr", name_with_article AS "nameWithArticle",
             name_after_a AS "nameAfterA", continent
        FROM ref_countries WHERE code = ${code}`),
  );
  if (!country) throw new NotFound("Ce pays n'existe pas.");
  const [figures] = rowsOf<{
    collectivites: number;
    authorities: number;
    partnerships: number;
    projects: number;
  }>(
    await db.execute(sql`
      WITH ships AS (
        SELECT DISTINCT pfa.partnership_id
          FROM atlas_partnership_foreign_authorities pfa
          JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
         WHERE fa.country_code = ${code})
      SELECT
        (SELECT count(DISTINCT collectivite_id)::int FROM atlas_partnership_collectivites
          WHERE partnership_id IN (SELECT partnership_id FROM ships)) AS collectivites,
        (SELECT count(DISTINCT pfa.foreign_authority_id)::int
           FROM atlas_partnership_foreign_authorities pfa
           JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
          WHERE fa.country_code = ${code}) AS authorities,
        (SELECT count(*)::int FROM ships) AS partnerships,
        (SELECT count(*)::int FROM atlas_project_index WHERE countries && ARRAY[${code}]::text[])
          AS projects`),
  );
  const collectivites = rowsOf<{ id: number; name: string; kind: string; partnerships: number }>(
    await db.execute(sql`
      SELECT c.id, ${collectiviteLabel("c")} AS name, c.kind,
             count(DISTINCT pc.partnership_id)::int AS partnerships
        FROM atlas_partnership_collectivites pc
        JOIN ${registerCollectivites} c ON c.id = pc.collectivite_id
       WHERE pc.partnership_id IN (
               SELECT pfa.partnership_id FROM atlas_partnership_foreign_authorities pfa
                 JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
                WHERE fa.country_code = ${code})
       GROUP BY c.id ORDER BY partnerships DESC, ${frenchOrder("c.name")} LIMIT 200`),
  );
  const authorities = rowsOf<{ id: number; name: string; partnerships: number }>(
    await db.execute(sql`
      SELECT fa.id, fa.name, count(*)::int AS partnerships
        FROM ${foreignAuthorities} fa
        JOIN atlas_partnership_foreign_authorities pfa ON pfa.foreign_authority_id = fa.id
       WHERE fa.country_code = ${code}
       GROUP BY fa.id ORDER BY partnerships DESC, ${frenchOrder("fa.name")} LIMIT 200`),
  );
  return {
    code: country.code,
    name: country.nameFr,
    continent: country.continent,
    /** "le Sénégal", "au Sénégal". */
    withArticle: countryWithArticle(country),
    inCountry: inCountry(country),
    figures,
    collectivites: collectivites.map((c) => ({
      ...c,
      kindLabel: collectiviteKindLabels[c.kind] ?? c.kind,
    })),
    authorities,
  };
}
