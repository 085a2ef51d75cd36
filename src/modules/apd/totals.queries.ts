import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { parseInput } from "../../platform/validation";
import { collectiviteKindLabels } from "../atlas";
import { type TotalGroup, apdRegions, totalGroups } from "./codes";

export interface TotalRow {
  key: string;
  label: string;
  amountCents: number;
}

export interface Totals {
  totalCents: number;
  rows: TotalRow[];
}

/** Besides the API's groups: continents, for the Africa share. */
type Group = TotalGroup | "continent";

const regionLabels = sql.raw(
  `(VALUES ${apdRegions.map((r) => `('${r.code}', '${r.label.replace(/'/g, "''")}', ${r.continent ? `'${r.continent}'` : "NULL"})`).join(", ")}) AS rg(code, label, continent)`,
);

const kindLabels = sql.raw(
  `(VALUES ${Object.entries(collectiviteKindLabels)
    .map(([code, label]) => `('${code}', '${label.replace(/'/g, "''")}')`)
    .join(", ")}) AS kl(code, label)`,
);

/** Key and label of each grouping, over `l` (counted lines) and `c` (its collectivité). */
const groupings: Record<Group, { key: SQL; label: SQL; joins: SQL; order: SQL }> = {
  year: {
    key: sql`l.year::text`,
    label: sql`l.year::text`,
    joins: sql``,
    order: sql`key`,
  },
  country: {
    key: sql`l.recipient_code`,
    label: sql`coalesce(rc.name_fr, rg.label, l.recipient_code)`,
    joins: sql`LEFT JOIN ref_countries rc ON rc.code = l.recipient_code
               LEFT JOIN ${regionLabels} ON rg.code = l.recipient_code`,
    order: sql`amount DESC, label`,
  },
  continent: {
    key: sql`coalesce(rc.continent, rg.continent, 'Non ventilé')`,
    label: sql`coalesce(rc.continent, rg.continent, 'Non ventilé')`,
    joins: sql`LEFT JOIN ref_countries rc ON rc.code = l.recipient_code
               LEFT JOIN ${regionLabels} ON rg.code = l.recipient_code`,
    order: sql`amount DESC, label`,
  },
  sector: {
    key: sql`l.purpose_code`,
    label: sql`coalesce(p.label_fr, l.purpose_code)`,
    joins: sql`LEFT JOIN ref_codes p ON p.list = 'dac_purpose' AND p.code = l.purpose_code`,
    order: sql`amount DESC, label`,
  },
  collectivite: {
    key: sql`l.collectivite_id::text`,
    label: sql`c.name`,
    joins: sql`JOIN atlas_collectivites c ON c.id = l.collectivite_id`,
    order: sql`amount DESC, label`,
  },
  region: {
    key: sql`coalesce(c.region_code, '')`,
    label: sql`coalesce(u.name, 'Région non renseignée')`,
    joins: sql`JOIN atlas_collectivites c ON c.id = l.collectivite_id
               LEFT JOIN ref_territorial_units u ON u.id = 'region:' || c.region_code`,
    order: sql`amount DESC, label`,
  },
  departement: {
    key: sql`coalesce(c.departement_code, '')`,
    label: sql`coalesce(u.name, 'Hors département (régions)')`,
    joins: sql`JOIN atlas_collectivites c ON c.id = l.collectivite_id
               LEFT JOIN ref_territorial_units u ON u.id = 'departement:' || c.departement_code`,
    order: sql`amount DESC, label`,
  },
  collectiviteKind: {
    key: sql`c.kind`,
    label: sql`coalesce(kl.label, c.kind)`,
    joins: sql`JOIN atlas_collectivites c ON c.id = l.collectivite_id
               LEFT JOIN ${kindLabels} ON kl.code = c.kind`,
    order: sql`amount DESC, label`,
  },
};

/**
 * Declared aid grouped one way, for one year or all: the current submissions of submitted
 * and accepted declarations only (the `counted` lines). Public aggregates, no line detail.
 */
export async function apdTotals(
  q: Queryable,
  options: { year: number | null; groupBy: TotalGroup | "continent"; limit?: number },
): Promise<Totals> {
  const grouping = groupings[options.groupBy];
  const yearFilter = options.year === null ? sql`` : sql`AND l.year = ${options.year}`;
  const rows = rowsOf<{ key: string; label: string; amount: string }>(
    await q.execute(sql`
      SELECT ${grouping.key} AS key, min(${grouping.label}) AS label,
             sum(l.amount_cents)::bigint AS amount
        FROM apd_submission_lines l ${grouping.joins}
       WHERE l.counted ${yearFilter}
       GROUP BY 1
       ORDER BY ${grouping.order}
       ${options.limit ? sql`LIMIT ${options.limit}` : sql``}`),
  );
  const [total] = rowsOf<{ amount: string | null }>(
    await q.execute(sql`
      SELECT sum(l.amount_cents)::bigint AS amount FROM apd_submission_lines l
       WHERE l.counted ${yearFilter}`),
  );
  return {
    totalCents: Number(total?.amount ?? 0),
    rows: rows.map((row) => ({ key: row.key, label: row.label, amountCents: Number(row.amount) })),
  };
}

const totalsQuerySchema = z.object({
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "Le paramètre year doit être une année sur 4 chiffres (exemple : 2018).")
    .transform(Number)
    .optional(),
  groupBy: z.enum(totalGroups, {
    message: `Le paramètre groupBy doit valoir ${totalGroups.join(", ")}.`,
  }),
});

/** The API's and the statistics page's parameters, with French messages. */
export function parseTotalsQuery(params: URLSearchParams) {
  const input = parseInput(totalsQuerySchema, {
    year: params.get("year") || undefined,
    groupBy: params.get("groupBy") ?? "country",
  });
  return { year: input.year ?? null, groupBy: input.groupBy };
}

/** Years that have counted declarations, most recent first. */
export async function declaredYears(q: Queryable): Promise<number[]> {
  const rows = rowsOf<{ year: number }>(
    await q.execute(sql`
      SELECT year FROM apd_campaigns c
       WHERE EXISTS (SELECT 1 FROM apd_submission_lines l WHERE l.counted AND l.year = c.year)
       ORDER BY year DESC`),
  );
  return rows.map((row) => Number(row.year));
}

/** Has this collectivité declared (submitted or accepted) for year Y? Calls for projects ask. */
export async function hasDeclared(q: Queryable, collectiviteId: number, year: number) {
  const rows = rowsOf(
    await q.execute(sql`
      SELECT 1 FROM apd_declarations
       WHERE collectivite_id = ${collectiviteId} AND year = ${year}
         AND status IN ('submitted', 'accepted')`),
  );
  return rows.length > 0;
}
