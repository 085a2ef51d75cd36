import { type SQL, and, eq, sql } from "drizzle-orm";
import { territorialUnits } from "../../reference/schema";
import { z } from "zod";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { parseInput } from "../../platform/validation";
import { collectiviteKindLabels } from "../atlas";
import { type TotalGroup, totalGroups } from "./codes";
import { regionLabels } from "./total-cells";
import { collectivites } from "../register/index";

export interface TotalRow {
  key: string;
  label: string;
  amountCents: number;
}

export interface Totals {
  totalCents: number;
  /** How many keys the grouping has in all (rows may be one page of them). */
  groupCount: number;
  rows: TotalRow[];
}

/** Besides the API's groups: continents, for the Africa share. */
type Group = TotalGroup | "continent";

const kindLabels = sql.raw(
  `(VALUES ${Object.entries(collectiviteKindLabels)
    .map(([code, label]) => `('${code}', '${label.replace(/'/g, "''")}')`)
    .join(", ")}) AS kl(code, label)`,
);

/** The label of each grouping's keys, over `k` (summed cells: key, amount). */
const labels: Record<Group, { label: SQL; joins: SQL; order: SQL }> = {
  year: { label: sql`k.key`, joins: sql``, order: sql`key` },
  country: {
    label: sql`coalesce(rc.name_fr, rg.label, k.key)`,
    joins: sql`LEFT JOIN ref_countries rc ON rc.code = k.key
               LEFT JOIN ${regionLabels} ON rg.code = k.key`,
    order: sql`amount DESC, label`,
  },
  continent: { label: sql`k.key`, joins: sql``, order: sql`amount DESC, label` },
  sector: {
    label: sql`coalesce(p.label_fr, k.key)`,
    joins: sql`LEFT JOIN ref_codes p ON p.list = 'dac_purpose' AND p.code = k.key`,
    order: sql`amount DESC, label`,
  },
  collectivite: {
    label: sql`coalesce(c.name, k.key)`,
    // The key is the collectivité's id as text: cast it back so the primary key is used.
    joins: sql`LEFT JOIN ${collectivites} c ON c.id = k.key::integer`,
    order: sql`amount DESC, label`,
  },
  region: {
    label: sql`coalesce(u.name, 'Région non renseignée')`,
    joins: sql`LEFT JOIN ref_territorial_units u ON u.id = 'region:' || k.key`,
    order: sql`amount DESC, label`,
  },
  departement: {
    label: sql`coalesce(u.name, 'Hors département (régions)')`,
    joins: sql`LEFT JOIN ref_territorial_units u ON u.id = 'departement:' || k.key`,
    order: sql`amount DESC, label`,
  },
  collectiviteKind: {
    label: sql`coalesce(kl.label, k.key)`,
    joins: sql`LEFT JOIN ${kindLabels} ON kl.code = k.key`,
    order: sql`amount DESC, label`,
  },
};

/**
 * Declared aid grouped one way, for one year or all: the current submissions of submitted
 * and accepted declarations only, read from the summed cells (total-cells.ts). Public
 * aggregates, no line detail.
 */
export async function apdTotals(
  q: Queryable,
  options: { year: number | null; groupBy: Group; limit?: number; offset?: number },
): Promise<Totals> {
  const grouping = labels[options.groupBy];
  const yearFilter = options.year === null ? sql`` : sql`AND year = ${options.year}`;
  const keys = sql`SELECT key, sum(amount_cents)::bigint AS amount FROM apd_total_cells
                    WHERE dimension = ${options.groupBy} ${yearFilter}
                    GROUP BY key HAVING sum(line_count) > 0`;
  const rows = rowsOf<{ key: string; label: string; amount: string }>(
    await q.execute(sql`
      SELECT k.key, ${grouping.label} AS label, k.amount
        FROM (${keys}) k
        ${grouping.joins}
       ORDER BY ${grouping.order}, k.key
       ${options.limit ? sql`LIMIT ${options.limit}` : sql``}
       ${options.offset ? sql`OFFSET ${options.offset}` : sql``}`),
  );
  const complete = !options.offset && (!options.limit || rows.length < options.limit);
  const groupCount = complete
    ? rows.length
    : rowsOf<{ n: number }>(await q.execute(sql`SELECT count(*)::int AS n FROM (${keys}) k`))[0].n;
  const [total] = rowsOf<{ amount: string | null }>(
    await q.execute(sql`
      SELECT sum(amount_cents)::bigint AS amount FROM apd_total_cells
       WHERE dimension = 'year' ${yearFilter}`),
  );
  return {
    totalCents: Number(total?.amount ?? 0),
    groupCount,
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
    groupBy: params.get("groupBy") || "country",
  });
  return { year: input.year ?? null, groupBy: input.groupBy };
}

/** The API's pages: at most this many keys per answer. */
export const TOTALS_PAGE_MAX = 1_000;

const invalidCursor = "Le curseur de pagination n'est pas valide : reprenez depuis le début.";
const pageSchema = z.object({
  limit: z.coerce
    .number({ message: `Le paramètre limit doit être un nombre entier de 1 à ${TOTALS_PAGE_MAX}.` })
    .int(`Le paramètre limit doit être un nombre entier de 1 à ${TOTALS_PAGE_MAX}.`)
    .min(1, `Le paramètre limit doit être un nombre entier de 1 à ${TOTALS_PAGE_MAX}.`)
    .max(
      TOTALS_PAGE_MAX,
      `Le paramètre limit doit être un nombre entier de 1 à ${TOTALS_PAGE_MAX}.`,
    )
    .default(TOTALS_PAGE_MAX),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,16}$/, invalidCursor)
    .transform((cursor) => Number(Buffer.from(cursor, "base64url").toString("utf8")))
    .refine((offset) => Number.isSafeInteger(offset) && offset > 0, invalidCursor)
    .optional(),
});

/** Where a page of the API starts (a cursor from the previous page) and its size. */
export function parseTotalsPage(params: URLSearchParams) {
  const input = parseInput(pageSchema, {
    limit: params.get("limit") || undefined,
    cursor: params.get("cursor") || undefined,
  });
  return { limit: input.limit, offset: input.cursor ?? 0 };
}

/** The cursor of the page after this one, null on the last page. */
export function nextTotalsCursor(totals: Totals, page: { limit: number; offset: number }) {
  const next = page.offset + page.limit;
  return next < totals.groupCount ? Buffer.from(String(next)).toString("base64url") : null;
}

/**
 * Years that have counted declarations, most recent first, and whether that year's campaign
 * is still open (its figures grow until it closes).
 */
export async function declaredYears(q: Queryable): Promise<{ year: number; open: boolean }[]> {
  const rows = rowsOf<{ year: number; open: boolean }>(
    await q.execute(sql`
      SELECT t.year, EXISTS (SELECT 1 FROM apd_campaigns k
                              WHERE k.year = t.year AND k.closed_at IS NULL) AS open
        FROM apd_total_cells t
       WHERE t.dimension = 'year' AND t.line_count > 0
       ORDER BY t.year DESC`),
  );
  return rows.map((row) => ({ year: Number(row.year), open: row.open }));
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

/**
 * The départements of a région, by code, for the map of one région's declarations; none for
 * a code that is not a région's.
 */
export async function departementsOfRegion(q: Queryable, regionCode: string): Promise<string[]> {
  const rows = await q
    .select({ code: territorialUnits.code })
    .from(territorialUnits)
    .where(
      and(eq(territorialUnits.kind, "departement"), eq(territorialUnits.regionCode, regionCode)),
    );
  return rows.map((row) => row.code);
}
