import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db/client";
import { apdRegions } from "./codes";
import { collectivites } from "../register/index";

/** The DAC regional codes ("multi-pays") with their label and continent, as a SQL table. */
export const regionLabels = sql.raw(
  `(VALUES ${apdRegions.map((r) => `('${r.code}', '${r.label.replace(/'/g, "''")}', ${r.continent ? `'${r.continent}'` : "NULL"})`).join(", ")}) AS rg(code, label, continent)`,
);

/**
 * Adds (sign 1) or removes (sign -1) the lines matching `which` (a condition on `l`,
 * apd_submission_lines) to the summed cells. Cells are written in key order, so two
 * submissions touching the same cells lock them in the same order and never deadlock.
 */
export async function moveTotalCells(q: Queryable, which: SQL, sign: 1 | -1) {
  await q.execute(sql`
    INSERT INTO apd_total_cells AS t (year, dimension, key, amount_cents, line_count)
    SELECT l.year, d.dimension, d.key, ${sign} * sum(l.amount_cents), ${sign} * count(*)
      FROM apd_submission_lines l
      JOIN ${collectivites} c ON c.id = l.collectivite_id
      LEFT JOIN ref_countries rc ON rc.code = l.recipient_code
      LEFT JOIN ${regionLabels} ON rg.code = l.recipient_code
      CROSS JOIN LATERAL (VALUES
        ('year', l.year::text),
        ('country', l.recipient_code),
        ('continent', coalesce(rc.continent, rg.continent, 'Non ventilé')),
        ('sector', l.purpose_code),
        ('collectivite', l.collectivite_id::text),
        ('region', coalesce(c.region_code, '')),
        ('departement', coalesce(c.departement_code, '')),
        ('collectiviteKind', c.kind)) AS d(dimension, key)
     WHERE ${which}
     GROUP BY 1, 2, 3
     ORDER BY 1, 2, 3
    ON CONFLICT (year, dimension, key) DO UPDATE
       SET amount_cents = t.amount_cents + excluded.amount_cents,
           line_count = t.line_count + excluded.line_count`);
}

/** Sums every counted line again (after the demo dataset is loaded, or to repair). */
export async function rebuildTotalCells(q: Queryable) {
  await q.execute(sql`DELETE FROM apd_total_cells`);
  await moveTotalCells(q, sql`l.counted`, 1);
}
