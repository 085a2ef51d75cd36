import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/client";
import { NotFound } from "../../../platform/errors";
import { atlasDomains } from "../../../reference/data/themes";
import { atlasLabels } from "../labels";
import { collectivites as registerCollectivites, foreignAuthorities } from "../../register/index";
import { frenchOrder } from "../../../platform/db/french-order";

const domainLabels = new Map<string, string>(atlasDomains.map((d) => [d.code, d.label]));

interface FicheRow {
  id: number;
  title: string;
  domainCode: string;
  objectives: string | null;
  description: string | null;
  history: string | null;
  context: string | null;
  startYear: number | null;
  endYear: number | null;
  status: string;
  totalBudgetCents: number | null;
  volunteers: number | null;
  updatedAt: string;
  version: number;
  partnersInFrance: string | null;
  partnersAbroad: string | null;
  contacts: string | null;
  remarks: { organisation: string; body: string; createdAt: string }[];
  codes: { list: string; code: string }[];
  countries: string[];
  fundings: { source: string; amountCents: number }[];
  lead: { id: number; name: string; kind: string } | null;
  partnerships: {
    id: number;
    kind: string;
    signedOn: string | null;
    status: string;
    collectivites: { id: number; name: string; kind: string }[];
    authorities: { id: number; name: string; countryCode: string }[];
  }[];
}

/**
 * Everything the fiche of a project shows, in one query (a fiche is the most requested
 * page: one round trip instead of eight). Contacts are personal data: only for signed-in
 * users (`withContacts`), never on the public page.
 */
export async function projectFiche(db: Db, projectId: number, { withContacts = false } = {}) {
  const [row] = rowsOf<FicheRow>(
    await db.execute(sql`
      SELECT p.id, p.title, p.domain_code AS "domainCode", p.objectives, p.description,
             p.history, p.context, p.start_year AS "startYear", p.end_year AS "endYear",
             p.status, p.total_budget_cents AS "totalBudgetCents", p.volunteers,
             p.updated_at AS "updatedAt", p.version,
             p.partners_in_france AS "partnersInFrance", p.partners_abroad AS "partnersAbroad",
             ${withContacts ? sql`p.contacts` : sql`NULL`} AS contacts,
             coalesce((SELECT json_agg(json_build_object('organisation', o.name, 'body', r.body,
                                                         'createdAt', r.created_at) ORDER BY r.id)
                         FROM atlas_project_remarks r JOIN organisations o ON o.id = r.organisation_id
                        WHERE r.project_id = p.id), '[]') AS remarks,
             coalesce((SELECT json_agg(json_build_object('list', list, 'code', code))
                         FROM atlas_project_codes WHERE project_id = p.id), '[]') AS codes,
             coalesce((SELECT json_agg(country_code ORDER BY country_code)
                         FROM atlas_project_countries WHERE project_id = p.id), '[]') AS countries,
             coalesce((SELECT json_agg(json_build_object('source', source_code,
                                                         'amountCents', amount_cents) ORDER BY id)
                         FROM atlas_project_fundings WHERE project_id = p.id), '[]') AS fundings,
             (SELECT json_build_object('id', c.id, 'name', c.name, 'kind', c.kind)
                FROM ${registerCollectivites} c WHERE c.id = p.lead_collectivite_id) AS lead,
             coalesce((SELECT json_agg(json_build_object(
                 'id', pa.id, 'kind', pa.kind, 'signedOn', pa.signed_on, 'status', pa.status,
                 'collectivites', (SELECT coalesce(json_agg(json_build_object(
                                            'id', c.id, 'name', c.name, 'kind', c.kind)
                                          ORDER BY ${frenchOrder("c.name")}), '[]')
                                     FROM atlas_partnership_collectivites pc
                                     JOIN ${registerCollectivites} c ON c.id = pc.collectivite_id
                                    WHERE pc.partnership_id = pa.id),
                 'authorities', (SELECT coalesce(json_agg(json_build_object(
                                          'id', fa.id, 'name', fa.name,
                                          'countryCode', fa.country_code) ORDER BY ${frenchOrder("fa.name")}), '[]')
                                   FROM atlas_partnership_foreign_authorities pfa
                                   JOIN ${foreignAuthorities} fa
                                     ON fa.id = pfa.foreign_authority_id
                                  WHERE pfa.partnership_id = pa.id)) ORDER BY pa.id)
                FROM atlas_project_partnerships pp
                JOIN atlas_partnerships pa ON pa.id = pp.partnership_id
               WHERE pp.project_id = p.id), '[]') AS partnerships
        FROM atlas_projects p WHERE p.id = ${projectId}`),
  );
  if (!row) throw new NotFound("Ce projet n'existe pas ou a été retiré de l'Atlas.");
  const labels = await atlasLabels(db);
  const collectivites = new Map<number, { id: number; name: string; kind: string }>();
  if (row.lead) collectivites.set(row.lead.id, row.lead);
  for (const ship of row.partnerships)
    for (const c of ship.collectivites) collectivites.set(c.id, c);
  return {
    id: row.id,
    title: row.title,
    domain: domainLabels.get(row.domainCode) ?? row.domainCode,
    objectives: row.objectives,
    description: row.description,
    history: row.history,
    context: row.context,
    startYear: row.startYear,
    endYear: row.endYear,
    status: labels.status.get(row.status) ?? row.status,
    totalBudgetCents: row.totalBudgetCents,
    volunteers: row.volunteers,
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
    partnersInFrance: row.partnersInFrance,
    partnersAbroad: row.partnersAbroad,
    contacts: row.contacts,
    remarks: row.remarks,
    themes: row.codes
      .filter((code) => code.list === "theme")
      .map((code) => ({ code: code.code, label: labels.theme.get(code.code) ?? code.code })),
    sdgs: row.codes
      .filter((code) => code.list === "sdg")
      .sort((a, b) => Number(a.code) - Number(b.code))
      .map((code) => ({ code: code.code, label: labels.sdg.get(code.code) ?? code.code })),
    countries: row.countries.map((code) => ({
      code,
      name: labels.country.get(code) ?? code,
    })),
    fundings: row.fundings.map((funding) => ({
      source: labels.funding.get(funding.source) ?? funding.source,
      amountCents: funding.amountCents,
    })),
    collectivites: [...collectivites.values()],
    partnerships: row.partnerships.map((ship) => ({
      id: ship.id,
      kind: labels.partnershipKind.get(ship.kind) ?? ship.kind,
      signedOn: ship.signedOn,
      status: ship.status,
      collectivites: ship.collectivites.map(({ id, name }) => ({ id, name })),
      authorities: ship.authorities.map(({ id, name, countryCode }) => ({
        id,
        name,
        country: labels.country.get(countryCode) ?? countryCode,
      })),
    })),
  };
}

export type ProjectFiche = Awaited<ReturnType<typeof projectFiche>>;
