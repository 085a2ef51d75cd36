import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { pageWindow } from "../../platform/pagination";
import { isoDateField, pageNumberField, parseInput } from "../../platform/validation";
import { publicRequestStatuses } from "./codes";
import { themeLabels } from "./request-input";
import { foreignAuthorityKinds } from "../register/index";
import { frenchOrder } from "../../platform/db/french-order";

const filtersSchema = z.object({
  status: z
    .enum(publicRequestStatuses, {
      message: `Le paramètre status doit valoir ${publicRequestStatuses.join(", ")}.`,
    })
    .optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "Le paramètre country doit être un code pays ISO à deux lettres (SN).")
    .optional(),
  continent: z.string().trim().max(60, "Le paramètre continent est trop long.").optional(),
  theme: z
    .string()
    .refine((code) => themeLabels.has(code), "Le paramètre theme n'est pas une thématique connue.")
    .optional(),
  authorityKind: z
    .enum(foreignAuthorityKinds, { message: "Le type d'autorité n'est pas connu." })
    .optional(),
  from: isoDateField("La date de début").optional(),
  to: isoDateField("La date de fin").optional(),
  q: z
    .string()
    .trim()
    .max(200, "La recherche est trop longue (200 caractères au plus).")
    .optional(),
  page: pageNumberField().optional(),
});

export type PublicRequestFilters = z.output<typeof filtersSchema>;

const filterNames = [
  "status",
  "country",
  "continent",
  "theme",
  "authorityKind",
  "from",
  "to",
  "q",
  "page",
];

/** The Bourse's filters from a query string, with French messages naming the parameter. */
export function parsePublicRequestFilters(params: URLSearchParams): PublicRequestFilters {
  const raw = Object.fromEntries(
    filterNames.flatMap((name) => {
      const value = params.get(name);
      return value ? [[name, value]] : [];
    }),
  );
  return parseInput(filtersSchema, raw);
}

/**
 * The request's coded fields in French words (country, thèmes): a request written in English
 * or Spanish is found by a French search on what it is about and where.
 */
const frenchCodedWords = sql`to_tsvector('french_unaccent', rc.name_fr || ' ' || coalesce(
  (SELECT string_agg(t.label, ' ') FROM (VALUES ${sql.join(
    [...themeLabels].map(([code, label]) => sql`(${code}, ${label})`),
    sql`, `,
  )}) AS t(code, label) WHERE t.code = ANY (r.themes)), ''))`;

/** Published requests (`r`) matching the filters; never a draft, a refusal or a closed one. */
function publicConditions(filters: PublicRequestFilters): SQL {
  const conditions: SQL[] = [
    sql`r.status IN (${sql.join(
      publicRequestStatuses.map((status) => sql`${status}`),
      sql`, `,
    )})`,
  ];
  if (filters.status) conditions.push(sql`r.status = ${filters.status}`);
  if (filters.country) conditions.push(sql`r.country_code = ${filters.country}`);
  if (filters.continent) conditions.push(sql`rc.continent = ${filters.continent}`);
  if (filters.theme) conditions.push(sql`${filters.theme} = ANY (r.themes)`);
  if (filters.authorityKind) conditions.push(sql`r.authority_kind = ${filters.authorityKind}`);
  if (filters.from) conditions.push(sql`r.published_at >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`r.published_at < ${filters.to}::date + 1`);
  if (filters.q)
    conditions.push(
      sql`(r.search || ${frenchCodedWords}) @@ websearch_to_tsquery('french_unaccent', ${filters.q})`,
    );
  return sql.join(conditions, sql` AND `);
}

const fromPublic = (filters: PublicRequestFilters) => sql`
  FROM bourse_requests r
  JOIN ref_countries rc ON rc.code = r.country_code
  WHERE ${publicConditions(filters)}`;

/** What anybody may read of a request: no contact, no attachment, no triage note. */
export interface PublicRequest {
  id: number;
  status: string;
  title: string;
  summary: string;
  /** The language its author wrote it in (fr, en, es). */
  formLanguage: string;
  authorityName: string;
  authorityKind: string;
  countryCode: string;
  country: string;
  continent: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  themes: string[];
  partnerKind: string;
  partnerSize: string;
  budgetCents: number | null;
  languages: string[];
  publishedAt: string;
  expiresAt: string | null;
}

const publicColumns = sql`
  r.id, r.status, r.title, left(r.description, 400) AS summary, r.form_language AS "formLanguage",
  r.authority_name AS "authorityName", r.authority_kind AS "authorityKind",
  r.country_code AS "countryCode", rc.name_fr AS country, rc.continent, r.city_name AS city,
  r.latitude, r.longitude, r.themes, r.partner_kind AS "partnerKind",
  r.partner_size AS "partnerSize", r.budget_cents AS "budgetCents", r.languages,
  r.published_at AS "publishedAt", r.expires_at AS "expiresAt"`;

/** A page of published requests, most recent first, with the total. */
export async function publicRequests(q: Queryable, filters: PublicRequestFilters, pageSize = 20) {
  const { page, limit, offset } = pageWindow(filters.page, pageSize);
  const rows = rowsOf<PublicRequest>(
    await q.execute(sql`
      SELECT ${publicColumns} ${fromPublic(filters)}
       ORDER BY r.published_at DESC, r.id DESC LIMIT ${limit} OFFSET ${offset}`),
  ).map((row) => ({
    ...row,
    budgetCents: row.budgetCents === null ? null : Number(row.budgetCents),
  }));
  const [{ total }] = rowsOf<{ total: number }>(
    await q.execute(sql`SELECT count(*)::int AS total ${fromPublic(filters)}`),
  );
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / limit)) };
}

/** Published requests by country, for the map and its table. */
export async function publicRequestsByCountry(q: Queryable, filters: PublicRequestFilters) {
  return rowsOf<{ code: string; name: string; requests: number }>(
    await q.execute(sql`
      SELECT r.country_code AS code, min(rc.name_fr) AS name, count(*)::int AS requests
        ${fromPublic(filters)}
       GROUP BY r.country_code ORDER BY requests DESC, ${frenchOrder("min(rc.name_fr)")}`),
  );
}

/** Where the published requests come from: their authority's city, for the map's points. */
export async function publicRequestPlaces(q: Queryable, filters: PublicRequestFilters) {
  return rowsOf<{ id: number; name: string; longitude: number; latitude: number; weight: number }>(
    await q.execute(sql`
      SELECT r.id, r.authority_name AS name, r.longitude, r.latitude, 1 AS weight
        ${fromPublic(filters)} AND r.latitude IS NOT NULL AND r.longitude IS NOT NULL`),
  );
}

/**
 * The Bourse's key figures over published requests: how many, from how many foreign
 * authorities (the same name in the same country is one authority), in how many countries.
 */
export async function bourseStats(q: Queryable, filters: PublicRequestFilters = {}) {
  const [row] = rowsOf<{ requests: number; authorities: number; countries: number }>(
    await q.execute(sql`
      SELECT count(*)::int AS requests,
             count(DISTINCT (r.country_code, lower(immutable_unaccent(r.authority_name))))::int AS authorities,
             count(DISTINCT r.country_code)::int AS countries
        ${fromPublic(filters)}`),
  );
  return { requests: row.requests, foreignAuthorities: row.authorities, countries: row.countries };
}
