import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../platform/auth/actor";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { pageOf, pageWindow } from "../../platform/pagination";
import { authorize } from "../../platform/policy";
import { pageNumberField, parseInput } from "../../platform/validation";
import { opinionCounts } from "../../platform/consultation/read";
import { offerStatuses, requestStatuses } from "./codes";
import { offerConsultation } from "./offer-consultation";
import { collectivites } from "../register/index";

const filtersSchema = z.object({
  statut: z
    .enum(requestStatuses, { message: "L'état choisi n'est pas un état de demande connu." })
    .optional(),
  page: pageNumberField().optional(),
});

export type AdminBourseFilters = z.output<typeof filtersSchema>;

export function parseAdminBourseFilters(params: URLSearchParams): AdminBourseFilters {
  return parseInput(filtersSchema, {
    statut: params.get("statut") || undefined,
    page: params.get("page") || undefined,
  });
}

const countsBy = async (q: Queryable, table: "bourse_requests" | "bourse_offers") =>
  Object.fromEntries(
    rowsOf<{ status: string; n: number }>(
      await q.execute(
        sql`SELECT status, count(*)::int AS n FROM ${sql.identifier(table)} GROUP BY status`,
      ),
    ).map((row) => [row.status, row.n]),
  );

/** The DAECT's view of the whole Bourse: every request and offer, by state. */
export async function adminBourse(q: Queryable, actor: Actor, filters: AdminBourseFilters) {
  authorize(actor, "bourse:offer:manage", {});
  const { page, limit, offset } = pageWindow(filters.page);
  const where = filters.statut ? sql`WHERE r.status = ${filters.statut}` : sql``;
  const [requestCounts, offerCounts] = await Promise.all([
    countsBy(q, "bourse_requests"),
    countsBy(q, "bourse_offers"),
  ]);
  const requests = rowsOf<{
    id: number;
    title: string;
    authority_name: string;
    country: string;
    status: (typeof requestStatuses)[number];
    submitted_at: string | null;
    interests: number;
  }>(
    await q.execute(sql`
      SELECT r.id, r.title, r.authority_name, c.name_fr AS country, r.status, r.submitted_at,
             (SELECT count(*)::int FROM bourse_interests i WHERE i.request_id = r.id) AS interests
        FROM bourse_requests r JOIN ref_countries c ON c.code = r.country_code
        ${where}
       ORDER BY r.updated_at DESC, r.id DESC LIMIT ${limit} OFFSET ${offset}`),
  );
  const total = filters.statut
    ? (requestCounts[filters.statut] ?? 0)
    : Object.values(requestCounts).reduce((sum, n) => sum + n, 0);
  const listed = rowsOf<{
    id: number;
    title: string;
    collectivite: string;
    status: (typeof offerStatuses)[number];
    version: number;
    opinions_due_on: string | null;
  }>(
    await q.execute(sql`
      SELECT f.id, f.title, c.name AS collectivite, f.status, f.version, f.opinions_due_on::text
        FROM bourse_offers f JOIN ${collectivites} c ON c.id = f.collectivite_id
       ORDER BY f.updated_at DESC, f.id DESC`),
  );
  // "3 demandés / 2 rendus", from the platform's consultations.
  const counts = await opinionCounts(
    q,
    offerConsultation,
    listed.map((offer) => offer.id),
  );
  const offers = listed.map((offer) => ({
    ...offer,
    opinions_asked: counts.get(offer.id)?.asked ?? 0,
    opinions_given: counts.get(offer.id)?.given ?? 0,
  }));
  // Offers in workflow order: those waiting for the DAECT first.
  offers.sort((a, b) => offerStatuses.indexOf(a.status) - offerStatuses.indexOf(b.status));
  return {
    requestCounts,
    offerCounts,
    requests: pageOf(requests, total, page),
    offers,
  };
}
