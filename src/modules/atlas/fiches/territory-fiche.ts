import { and, eq, sql } from "drizzle-orm";
import { territorialUnits } from "../../../reference/schema";
import { ofPlace } from "../../../platform/french/place-names";
import { type Db, rowsOf } from "../../../platform/db/client";
import { NotFound } from "../../../platform/errors";
import { atlasLabels, collectiviteKindLabels } from "../labels";
import {
  collectiviteLabel,
  collectivites as registerCollectivites,
  foreignAuthorities,
} from "../../register/index";
import { frenchOrder } from "../../../platform/db/french-order";

export type TerritoryLevel = "region" | "departement";

/**
 * "La coopération décentralisée de la région Bretagne": the collectivités of a French région
 * or département present in the Atlas, their partnerships, partner countries and projects.
 */
export async function territoryFiche(db: Db, level: TerritoryLevel, rawCode: string) {
  const code = rawCode.toUpperCase();
  const labels = await atlasLabels(db);
  const label = labels[level].get(code);
  if (!label)
    throw new NotFound(`Ce${level === "region" ? "tte région" : " département"} n'existe pas.`);
  const column = level === "region" ? sql`c.region_code` : sql`c.departement_code`;
  const indexColumn = level === "region" ? sql`regions` : sql`departements`;
  const [figures] = rowsOf<{
    collectivites: number;
    partnerships: number;
    countries: number;
    projects: number;
  }>(
    await db.execute(sql`
      WITH ships AS (
        SELECT DISTINCT pc.partnership_id FROM atlas_partnership_collectivites pc
          JOIN ${registerCollectivites} c ON c.id = pc.collectivite_id WHERE ${column} = ${code})
      SELECT
        (SELECT count(DISTINCT pc.collectivite_id)::int FROM atlas_partnership_collectivites pc
           JOIN ${registerCollectivites} c ON c.id = pc.collectivite_id WHERE ${column} = ${code})
          AS collectivites,
        (SELECT count(*)::int FROM ships) AS partnerships,
        (SELECT count(DISTINCT fa.country_code)::int FROM ships
           JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = ships.partnership_id
           JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id) AS countries,
        (SELECT count(*)::int FROM atlas_project_index WHERE ${indexColumn} && ARRAY[${code}]::text[])
          AS projects`),
  );
  const [unit] = await db
    .select({ tncc: territorialUnits.tncc })
    .from(territorialUnits)
    .where(and(eq(territorialUnits.kind, level), eq(territorialUnits.code, code)));
  const collectivites = rowsOf<{ id: number; name: string; kind: string; partnerships: number }>(
    await db.execute(sql`
      SELECT c.id, ${collectiviteLabel("c")} AS name, c.kind,
             count(DISTINCT pc.partnership_id)::int AS partnerships
        FROM ${registerCollectivites} c
        JOIN atlas_partnership_collectivites pc ON pc.collectivite_id = c.id
       WHERE ${column} = ${code}
       GROUP BY c.id ORDER BY partnerships DESC, ${frenchOrder("c.name")} LIMIT 300`),
  );
  const name = level === "departement" ? label.replace(/^[\dAB]+ – /, "") : label;
  return {
    level,
    code,
    name,
    /** "de la région Bretagne", "du département du Finistère (29)". */
    ofName:
      level === "region"
        ? `de la région ${name}`
        : `du département ${ofPlace(name, unit?.tncc ?? null)} (${code})`,
    figures,
    collectivites: collectivites.map((c) => ({
      ...c,
      kindLabel: collectiviteKindLabels[c.kind] ?? c.kind,
    })),
  };
}
