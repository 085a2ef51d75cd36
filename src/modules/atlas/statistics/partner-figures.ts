import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../../platform/db/client";
import { inList } from "../../../platform/db/conditions";
import { type KeptCounts, applyKeptCounts } from "../../../platform/db/kept-counts";
import { foreignAuthorities } from "../../register/index";

/**
 * Keeps `atlas_partner_figures` in step with the partnership links. Every write that adds,
 * moves or removes a partnership's collectivités or authorities calls
 * `applyPartnerFigures(tx, ids, -1)` before and `(tx, ids, 1)` after, in its transaction.
 */
export type PartnershipSelection = number[] | "all";

const among = (column: SQL, selection: PartnershipSelection) =>
  selection === "all" ? sql`true` : inList(column, selection);

/** What the selected partnerships contribute: one row per (continent, kind, member). */
function contributions(selection: PartnershipSelection): SQL {
  return sql`
    SELECT '' AS continent, 'collectivite' AS kind, pc.collectivite_id::text AS member,
           count(*)::int AS links
      FROM atlas_partnership_collectivites pc
     WHERE ${among(sql`pc.partnership_id`, selection)} GROUP BY 3
    UNION ALL
    SELECT '', 'authority', pfa.foreign_authority_id::text, count(*)::int
      FROM atlas_partnership_foreign_authorities pfa
     WHERE ${among(sql`pfa.partnership_id`, selection)} GROUP BY 3
    UNION ALL
    SELECT '', 'country', fa.country_code, count(*)::int
      FROM atlas_partnership_foreign_authorities pfa
      JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
     WHERE ${among(sql`pfa.partnership_id`, selection)} GROUP BY 3
    UNION ALL
    SELECT '', 'partnership', '', count(*)::int
      FROM atlas_partnerships p WHERE ${among(sql`p.id`, selection)}
    UNION ALL
    -- A partnership counts on the continent of each of its foreign authorities.
    SELECT c.continent, x.kind, x.member, count(*)::int
      FROM atlas_partnership_collectivites pc
      JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = pc.partnership_id
      JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
      JOIN ref_countries c ON c.code = fa.country_code
     CROSS JOIN LATERAL (VALUES ('collectivite', pc.collectivite_id::text),
                                ('authority', fa.id::text),
                                ('country', fa.country_code)) x(kind, member)
     WHERE ${among(sql`pc.partnership_id`, selection)}
     GROUP BY 1, 2, 3`;
}

/** The stored figures; every writer locks the row of the number of partnerships. */
const partnerFiguresTable: KeptCounts = {
  table: "atlas_partner_figures",
  keys: ["continent", "kind", "member"],
  count: "links",
  anchor: ["", "partnership", ""],
};

/** Adds (1) or removes (-1) what the selected partnerships contribute. */
export async function applyPartnerFigures(
  q: Queryable,
  selection: PartnershipSelection,
  sign: 1 | -1,
) {
  if (selection !== "all" && selection.length === 0) return;
  await applyKeptCounts(q, partnerFiguresTable, contributions(selection), sign);
}

/** Counts everything again from the partnership links (after a bulk load). */
export async function rebuildPartnerFigures(q: Queryable) {
  await q.execute(sql`DELETE FROM atlas_partner_figures`);
  await applyPartnerFigures(q, "all", 1);
}

/** True when partnerships exist but their figures were never stored. */
export async function partnerFiguresAreMissing(q: Queryable): Promise<boolean> {
  const [row] = rowsOf<{ missing: boolean }>(
    await q.execute(sql`
      SELECT EXISTS (SELECT 1 FROM atlas_partnerships)
             AND NOT EXISTS (SELECT 1 FROM atlas_partner_figures
                              WHERE kind = 'partnership' AND links > 0) AS missing`),
  );
  return row.missing;
}

/** Members (links above zero) per continent and kind; links summed for 'partnership'. */
export async function storedPartnerFigures(q: Queryable) {
  return rowsOf<{ continent: string; kind: string; members: number; links: number }>(
    await q.execute(sql`
      SELECT continent, kind, count(*) FILTER (WHERE links > 0)::int AS members,
             coalesce(sum(links), 0)::int AS links
        FROM atlas_partner_figures GROUP BY continent, kind ORDER BY continent, kind`),
  );
}
