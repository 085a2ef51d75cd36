import type { PageLanguage } from "../../platform/i18n/languages";
import { countryNameIn } from "../../reference/country-names";
import { type BourseKey, bourseTexts } from "./texts/index";
import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { type MatchFeatures, NEAR_KM, scoreMatch } from "./match-score";
import { themeLabels } from "./request-input";
import { collectivites, foreignAuthorities } from "../register/index";
import {
  projectPartnerships as atlasProjectPartnerships,
  partnershipCollectivites as atlasPartnershipCollectivites,
  partnershipForeignAuthorities as atlasPartnershipForeignAuthorities,
  projectCodes as atlasProjectCodes,
  projectCountries as atlasProjectCountries,
  projects as atlasProjects,
} from "../atlas/index";

/** What a request asks for, as far as matching goes. */
export interface MatchQuery {
  countryCode: string;
  themes: string[];
  partnerKind: string;
  partnerSize: string;
}

export interface Suggestion {
  id: number;
  name: string;
  score: number;
  reasons: string[];
}

const EARTH_KM = 6_371;

/** Whether two ref_countries rows (by alias) have centroids within NEAR_KM (haversine). */
const near = (a: string, b: string) => sql`
  ${EARTH_KM} * 2 * asin(sqrt(
    power(sin(radians(${sql.raw(a)}.latitude - ${sql.raw(b)}.latitude) / 2), 2)
    + cos(radians(${sql.raw(b)}.latitude)) * cos(radians(${sql.raw(a)}.latitude))
      * power(sin(radians(${sql.raw(a)}.longitude - ${sql.raw(b)}.longitude) / 2), 2))) <= ${NEAR_KM}`;

/** Countries whose centroid lies within NEAR_KM of the given one (itself excluded). */
const nearCountries = (countryCode: string) => sql`
  SELECT o.code FROM ref_countries o, ref_countries r
   WHERE r.code = ${countryCode} AND o.code <> r.code AND ${near("o", "r")}`;

/** A collectivité's projects: those it leads and those of its partnerships. */
const ownProjects = (hiddenProjects: ReturnType<typeof sql>) => sql`
  SELECT lead_collectivite_id AS cid, id AS pid FROM ${atlasProjects}
   WHERE lead_collectivite_id IS NOT NULL AND id NOT IN (${hiddenProjects})
  UNION
  SELECT pc.collectivite_id, pp.project_id
    FROM ${atlasProjectPartnerships} pp
    JOIN ${atlasPartnershipCollectivites} pc ON pc.partnership_id = pp.partnership_id
   WHERE pp.project_id NOT IN (${hiddenProjects})`;

/** A collectivité's partnerships counted by partner country. */
const partnershipsByCountry = (excludedPartnership: number) => sql`
  SELECT pc.collectivite_id AS cid, fa.country_code, count(DISTINCT pc.partnership_id)::int AS n
    FROM ${atlasPartnershipCollectivites} pc
    JOIN ${atlasPartnershipForeignAuthorities} pfa ON pfa.partnership_id = pc.partnership_id
    JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
   WHERE pc.partnership_id <> ${excludedPartnership}
   GROUP BY 1, 2`;

const themeNamesOf = (themes: string[]) => themes.map((code) => themeLabels.get(code) ?? code);

/** The counted evidence of a collectivité, as both ranking queries return it. */
interface FeatureRow {
  kind: string;
  population: number | null;
  theme_projects: number;
  country_links: number;
  near_links: number;
  all_partnerships: number;
}

const featuresOf = (row: FeatureRow): MatchFeatures => ({
  themeProjects: row.theme_projects,
  countryLinks: row.country_links,
  nearLinks: row.near_links,
  allPartnerships: row.all_partnerships,
  kind: row.kind,
  population: row.population,
});

/** Best score first; equal scores in a stable order. */
const byScore = (a: { score: number; id: number }, b: { score: number; id: number }) =>
  b.score - a.score || a.id - b.id;

/**
 * French collectivités likely to answer a request, best first, with the reasons: projects
 * on its thématiques, presence in its country or nearby ones, experience, kind and size.
 * `excludePartnershipId` leaves one partnership (and its projects) out of the evidence,
 * to measure the ranking on partnerships it has not seen.
 */
export async function rankCollectivites(
  q: Queryable,
  wanted: MatchQuery,
  options: { limit?: number; excludePartnershipId?: number; lang?: PageLanguage } = {},
): Promise<Suggestion[]> {
  const excluded = options.excludePartnershipId ?? -1;
  const lang = options.lang ?? "fr";
  const themes = wanted.themes.length > 0 ? wanted.themes : [""];
  const rows = rowsOf<FeatureRow & { id: number; name: string; country: string }>(
    await q.execute(sql`
      WITH hidden AS (
        SELECT project_id FROM ${atlasProjectPartnerships} WHERE partnership_id = ${excluded}),
      own_projects AS (${ownProjects(sql`SELECT project_id FROM hidden`)}),
      links AS (${partnershipsByCountry(excluded)}),
      totals AS (SELECT cid, sum(n)::int AS n FROM links GROUP BY cid),
      near AS (${nearCountries(wanted.countryCode)}),
      features AS (
        SELECT cid, sum(theme_projects)::int AS theme_projects, sum(country_links)::int AS country_links,
               sum(near_links)::int AS near_links
          FROM (
            SELECT op.cid, count(DISTINCT op.pid) AS theme_projects, 0 AS country_links, 0 AS near_links
              FROM own_projects op
              JOIN ${atlasProjectCodes} k ON k.project_id = op.pid AND k.list = 'theme'
             WHERE k.code IN (${sql.join(
               themes.map((code) => sql`${code}`),
               sql`, `,
             )})
             GROUP BY op.cid
            UNION ALL
            SELECT op.cid, 0, count(DISTINCT op.pid), 0
              FROM own_projects op
              JOIN ${atlasProjectCountries} pc ON pc.project_id = op.pid
             WHERE pc.country_code = ${wanted.countryCode}
             GROUP BY op.cid
            UNION ALL
            SELECT cid, 0, n, 0 FROM links WHERE country_code = ${wanted.countryCode}
            UNION ALL
            SELECT cid, 0, 0, n FROM links WHERE country_code IN (SELECT code FROM near)
          ) parts
         GROUP BY cid)
      SELECT c.id, c.name, c.kind, u.population, f.theme_projects, f.country_links, f.near_links,
             coalesce(t.n, 0) AS all_partnerships,
             (SELECT name_fr FROM ref_countries WHERE code = ${wanted.countryCode}) AS country
        FROM features f
        JOIN ${collectivites} c ON c.id = f.cid
        LEFT JOIN totals t ON t.cid = c.id
        LEFT JOIN ref_territorial_units u ON u.id = c.unit_id`),
  );
  const t = bourseTexts(lang);
  const themeNames = wanted.themes.map((code) => t(`options.themes.${code}` as BourseKey));
  const ranked = rows.map((row) => {
    const { score, reasons } = scoreMatch(
      featuresOf(row),
      {
        country: countryNameIn(lang, wanted.countryCode, row.country),
        themeNames,
        partnerKind: wanted.partnerKind,
        partnerSize: wanted.partnerSize,
      },
      lang,
    );
    return { id: row.id, name: row.name, score, reasons };
  });
  ranked.sort(byScore);
  return options.limit ? ranked.slice(0, options.limit) : ranked;
}

export interface RequestSuggestion {
  id: number;
  title: string;
  authorityName: string;
  country: string;
  score: number;
  reasons: string[];
}

/**
 * The published requests that suit a collectivité, best first, with the reasons; only
 * those for which its Atlas record gives a reason (thématique, country or neighbours).
 */
export async function requestsForCollectivite(
  q: Queryable,
  collectiviteId: number,
  limit = 5,
): Promise<RequestSuggestion[]> {
  const rows = rowsOf<
    FeatureRow & {
      id: number;
      title: string;
      authority_name: string;
      country: string;
      themes: string[];
      partner_kind: string;
      partner_size: string;
    }
  >(
    await q.execute(sql`
      WITH own AS (
        SELECT pid FROM (${ownProjects(sql`SELECT -1`)}) p WHERE cid = ${collectiviteId}),
      themes AS (
        SELECT k.code, own.pid
          FROM own JOIN ${atlasProjectCodes} k ON k.project_id = own.pid AND k.list = 'theme'),
      links AS (SELECT country_code, n FROM (${partnershipsByCountry(-1)}) l WHERE cid = ${collectiviteId}),
      project_countries AS (
        SELECT pc.country_code, count(DISTINCT own.pid)::int AS n
          FROM own JOIN ${atlasProjectCountries} pc ON pc.project_id = own.pid GROUP BY 1)
      SELECT r.id, r.title, r.authority_name, rc.name_fr AS country, r.themes, r.partner_kind,
             r.partner_size, c.kind, u.population,
             (SELECT count(DISTINCT t.pid) FROM themes t WHERE t.code = ANY(r.themes))::int AS theme_projects,
             (coalesce((SELECT sum(n) FROM links WHERE country_code = r.country_code), 0)
              + coalesce((SELECT sum(n) FROM project_countries WHERE country_code = r.country_code), 0))::int
               AS country_links,
             coalesce((SELECT sum(l.n) FROM links l JOIN ref_countries o ON o.code = l.country_code
                        WHERE l.country_code <> r.country_code AND ${near("o", "rc")}), 0)::int AS near_links,
             coalesce((SELECT sum(n) FROM links), 0)::int AS all_partnerships
        FROM bourse_requests r
        JOIN ref_countries rc ON rc.code = r.country_code
        JOIN ${collectivites} c ON c.id = ${collectiviteId}
        LEFT JOIN ref_territorial_units u ON u.id = c.unit_id
       WHERE r.status IN ('published', 'in_contact')
         AND NOT EXISTS (SELECT 1 FROM bourse_interests i
                          WHERE i.request_id = r.id AND i.collectivite_id = ${collectiviteId})`),
  );
  return rows
    .filter((row) => row.theme_projects + row.country_links + row.near_links > 0)
    .map((row) => {
      const { score, reasons } = scoreMatch(featuresOf(row), {
        country: row.country,
        themeNames: themeNamesOf(row.themes),
        partnerKind: row.partner_kind,
        partnerSize: row.partner_size,
      });
      return {
        id: row.id,
        title: row.title,
        authorityName: row.authority_name,
        country: row.country,
        score,
        reasons,
      };
    })
    .sort(byScore)
    .slice(0, limit);
}
