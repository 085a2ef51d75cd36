import { campaignStepsRule } from "./campaign-steps";
import { type SQL, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../platform/auth/actor";
import { type Db, rowsOf } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import { pageOf, pageWindow } from "../../platform/pagination";
import { authorize } from "../../platform/policy";
import { parseInput } from "../../platform/validation";
import { progressStates } from "./codes";
import { apdCampaigns } from "./schema";
import { collectivites } from "../register/index";
import { frenchOrder } from "../../platform/db/french-order";

/** The state of each collectivité in the campaign's year, as SQL over `c` and `d`. */
const stateOf = sql`CASE
  WHEN d.id IS NULL THEN 'not_started'
  WHEN d.status IN ('submitted', 'accepted') THEN 'declared'
  WHEN d.status = 'returned' THEN 'returned'
  ELSE 'draft' END`;

const everyCollectivite = (year: number, where: SQL = sql`true`) => sql`
  FROM ${collectivites} c
  LEFT JOIN apd_declarations d ON d.collectivite_id = c.id AND d.year = ${year}
  LEFT JOIN apd_submissions s ON s.declaration_id = d.id AND s.is_current
  WHERE ${where}`;

export async function apdCampaignList(db: Db, actor: Actor) {
  authorize(actor, "apd:campaign:manage");
  return rowsOf<{
    id: number;
    year: number;
    opens_on: string;
    closes_on: string;
    closed_at: string | null;
    declared: number;
    total: string;
  }>(
    await db.execute(sql`
      SELECT k.id, k.year, k.opens_on::text, k.closes_on::text, k.closed_at,
             (SELECT count(*)::int FROM apd_declarations d
               WHERE d.campaign_id = k.id AND d.status IN ('submitted', 'accepted')) AS declared,
             (SELECT coalesce(sum(t.amount_cents), 0)::bigint FROM apd_total_cells t
               WHERE t.dimension = 'year' AND t.year = k.year) AS total
        FROM apd_campaigns k ORDER BY k.year DESC`),
  ).map((row) => ({ ...row, total: Number(row.total) }));
}

interface ProgressRow {
  key: string;
  label: string;
  collectivites: number;
  declared: number;
  late: number;
  returned: number;
  draft: number;
  not_started: number;
}

async function progressBy(db: Db, year: number, key: SQL, label: SQL, joins: SQL = sql``) {
  return rowsOf<ProgressRow>(
    await db.execute(sql`
      SELECT ${key} AS key, min(${label}) AS label, count(*)::int AS collectivites,
             count(*) FILTER (WHERE d.status IN ('submitted', 'accepted'))::int AS declared,
             count(*) FILTER (WHERE d.status IN ('submitted', 'accepted') AND d.late)::int AS late,
             count(*) FILTER (WHERE d.status = 'returned')::int AS returned,
             count(*) FILTER (WHERE d.status = 'draft')::int AS draft,
             count(*) FILTER (WHERE d.id IS NULL)::int AS not_started
        FROM ${collectivites} c
        LEFT JOIN apd_declarations d ON d.collectivite_id = c.id AND d.year = ${year}
        ${joins}
       GROUP BY 1 ORDER BY 2`),
  );
}

/** Campaign progress overall, by région and by kind of collectivité, with the total declared. */
export async function apdCampaignProgress(db: Db, actor: Actor, campaignId: number) {
  authorize(actor, "apd:campaign:manage");
  const [campaign] = await db.select().from(apdCampaigns).where(eq(apdCampaigns.id, campaignId));
  if (!campaign) throw new NotFound("Cette campagne n'existe pas.");
  const [overall] = await progressBy(db, campaign.year, sql`'all'`, sql`'Toutes'`);
  const byRegion = await progressBy(
    db,
    campaign.year,
    sql`coalesce(c.region_code, '')`,
    sql`coalesce(u.name, 'Région non renseignée')`,
    sql`LEFT JOIN ref_territorial_units u ON u.id = 'region:' || c.region_code`,
  );
  const byKind = await progressBy(db, campaign.year, sql`c.kind`, sql`c.kind`);
  const [totals] = rowsOf<{ amount: string; lines: number }>(
    await db.execute(sql`
      SELECT coalesce(sum(amount_cents), 0)::bigint AS amount,
             coalesce(sum(line_count), 0)::int AS lines
        FROM apd_total_cells WHERE dimension = 'year' AND year = ${campaign.year}`),
  );
  const steps = rowsOf<{ step: string; done_at: string; collectivites: number }>(
    await db.execute(sql`
      SELECT occurrence AS step, fired_at AS done_at, outcome AS collectivites
        FROM deadline_firings
       WHERE rule = ${campaignStepsRule.name} AND record_id = ${campaignId} ORDER BY fired_at`),
  );
  return {
    campaign,
    overall,
    byRegion,
    byKind,
    totalCents: Number(totals.amount),
    lineCount: totals.lines,
    steps,
  };
}

const listFiltersSchema = z.object({
  state: z
    .enum(progressStates, { message: "L'état choisi n'est pas une valeur connue." })
    .optional(),
  region: z
    .string()
    .regex(/^\d{2,3}$/, "La région doit être un code INSEE de région.")
    .optional(),
  kind: z
    .enum(["commune", "epci", "departement", "region"], {
      message: "Le type de collectivité n'est pas une valeur connue.",
    })
    .optional(),
  q: z
    .string()
    .trim()
    .max(100, "La recherche est trop longue (100 caractères au plus).")
    .optional(),
  page: z.coerce.number({ message: "La page doit être un nombre." }).int().min(1).optional(),
});

export type DeclarationListFilters = z.output<typeof listFiltersSchema>;

export function parseDeclarationListFilters(params: URLSearchParams): DeclarationListFilters {
  const raw = Object.fromEntries(
    ["state", "region", "kind", "q", "page"].flatMap((name) => {
      const value = params.get(name);
      return value ? [[name, value]] : [];
    }),
  );
  return parseInput(listFiltersSchema, raw);
}

/** The collectivités of a campaign with their declaration, filtered, 50 a page. */
export async function apdDeclarationList(
  db: Db,
  actor: Actor,
  campaignId: number,
  filters: DeclarationListFilters,
) {
  authorize(actor, "apd:campaign:manage");
  const [campaign] = await db.select().from(apdCampaigns).where(eq(apdCampaigns.id, campaignId));
  if (!campaign) throw new NotFound("Cette campagne n'existe pas.");
  const conditions: SQL[] = [sql`true`];
  if (filters.state === "late")
    conditions.push(sql`d.late AND d.status IN ('submitted', 'accepted')`);
  else if (filters.state) conditions.push(sql`${stateOf} = ${filters.state}`);
  if (filters.region) conditions.push(sql`c.region_code = ${filters.region}`);
  if (filters.kind) conditions.push(sql`c.kind = ${filters.kind}`);
  if (filters.q)
    conditions.push(
      sql`immutable_unaccent(c.name) ILIKE '%' || immutable_unaccent(${filters.q.replace(/[%_\\]/g, "\\$&")}) || '%'`,
    );
  const where = sql.join(conditions, sql` AND `);
  const { page, limit, offset } = pageWindow(filters.page);
  const rows = rowsOf<{
    collectivite_id: number;
    name: string;
    kind: string;
    region_code: string | null;
    declaration_id: number | null;
    status: string | null;
    state: string;
    late: boolean | null;
    total_cents: string | null;
    submitted_at: string | null;
  }>(
    await db.execute(sql`
      SELECT c.id AS collectivite_id, c.name, c.kind, c.region_code, d.id AS declaration_id,
             d.status, ${stateOf} AS state, d.late, s.total_cents, s.submitted_at
        ${everyCollectivite(campaign.year, where)}
       ORDER BY ${frenchOrder("c.name")}, c.id LIMIT ${limit} OFFSET ${offset}`),
  );
  const [{ total }] = rowsOf<{ total: number }>(
    await db.execute(sql`SELECT count(*)::int AS total ${everyCollectivite(campaign.year, where)}`),
  );
  return {
    campaign,
    ...pageOf(
      rows.map((row) => ({
        ...row,
        total_cents: row.total_cents === null ? null : Number(row.total_cents),
      })),
      total,
      page,
    ),
  };
}
