import { eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../../platform/db/client";
import { rowsOf } from "../../../platform/db/client";
import type { Resource } from "../../../platform/policy";
import {
  projectCodes,
  projectCountries,
  projectFundings,
  projectPartnerships,
  projects,
} from "../schema";
import type { ProjectInput } from "./project-input";
import { collectivites, foreignAuthorities } from "../../register/index";
import { frenchOrder } from "../../../platform/db/french-order";
import { frenchCompare } from "../../../platform/french/collation";

export interface StoredProject {
  id: number;
  version: number;
  leadCollectiviteId: number | null;
  input: ProjectInput;
}

/** A project's editable content as stored; `lock` holds the row until the transaction ends. */
export async function readProject(
  q: Queryable,
  projectId: number,
  { lock = false } = {},
): Promise<StoredProject | null> {
  const query = q.select().from(projects).where(eq(projects.id, projectId));
  const [row] = await (lock ? query.for("update") : query);
  if (!row) return null;
  const [codeRows, countryRows, fundingRows, partnershipRows] = await Promise.all([
    q.select().from(projectCodes).where(eq(projectCodes.projectId, projectId)),
    q.select().from(projectCountries).where(eq(projectCountries.projectId, projectId)),
    q
      .select()
      .from(projectFundings)
      .where(eq(projectFundings.projectId, projectId))
      .orderBy(projectFundings.id),
    q.select().from(projectPartnerships).where(eq(projectPartnerships.projectId, projectId)),
  ]);
  const codesOf = (list: "theme" | "sdg") =>
    codeRows
      .filter((code) => code.list === list)
      .map((code) => code.code)
      .sort();
  return {
    id: row.id,
    version: row.version,
    leadCollectiviteId: row.leadCollectiviteId,
    input: {
      title: row.title,
      domainCode: row.domainCode,
      themes: codesOf("theme"),
      sdgs: codesOf("sdg"),
      countries: countryRows.map((country) => country.countryCode).sort(),
      status: row.status,
      startYear: row.startYear,
      endYear: row.endYear,
      objectives: row.objectives,
      description: row.description,
      context: row.context,
      history: row.history,
      totalBudgetCents: row.totalBudgetCents,
      volunteers: row.volunteers,
      partnersInFrance: row.partnersInFrance,
      partnersAbroad: row.partnersAbroad,
      contacts: row.contacts,
      partnershipIds: partnershipRows.map((link) => link.partnershipId).sort((a, b) => a - b),
      fundings: fundingRows.map((line) => ({
        sourceCode: line.sourceCode,
        amountCents: line.amountCents,
      })),
    },
  };
}

const columnsOf = (input: ProjectInput) => ({
  title: input.title,
  domainCode: input.domainCode,
  status: input.status,
  startYear: input.startYear,
  endYear: input.endYear,
  objectives: input.objectives,
  description: input.description,
  context: input.context,
  history: input.history,
  totalBudgetCents: input.totalBudgetCents,
  volunteers: input.volunteers,
  partnersInFrance: input.partnersInFrance,
  partnersAbroad: input.partnersAbroad,
  contacts: input.contacts,
});

/** Stores a new project with its lists; returns its id. */
export async function insertProject(
  tx: Tx,
  leadCollectiviteId: number,
  input: ProjectInput,
): Promise<number> {
  const [row] = await tx
    .insert(projects)
    .values({ ...columnsOf(input), leadCollectiviteId })
    .returning({ id: projects.id });
  await writeLists(tx, row.id, input);
  return row.id;
}

/** Replaces a project's content and moves it to `version`. */
export async function overwriteProject(
  tx: Tx,
  projectId: number,
  version: number,
  input: ProjectInput,
): Promise<void> {
  await tx
    .update(projects)
    .set({ ...columnsOf(input), version, updatedAt: new Date() })
    .where(eq(projects.id, projectId));
  await Promise.all([
    tx.delete(projectCodes).where(eq(projectCodes.projectId, projectId)),
    tx.delete(projectCountries).where(eq(projectCountries.projectId, projectId)),
    tx.delete(projectFundings).where(eq(projectFundings.projectId, projectId)),
    tx.delete(projectPartnerships).where(eq(projectPartnerships.projectId, projectId)),
  ]);
  await writeLists(tx, projectId, input);
}

async function writeLists(tx: Tx, projectId: number, input: ProjectInput) {
  const codes = [
    ...input.themes.map((code) => ({ projectId, list: "theme" as const, code })),
    ...input.sdgs.map((code) => ({ projectId, list: "sdg" as const, code })),
  ];
  if (codes.length > 0) await tx.insert(projectCodes).values(codes);
  if (input.countries.length > 0)
    await tx
      .insert(projectCountries)
      .values(input.countries.map((countryCode) => ({ projectId, countryCode })));
  if (input.fundings.length > 0)
    await tx.insert(projectFundings).values(input.fundings.map((line) => ({ projectId, ...line })));
  if (input.partnershipIds.length > 0)
    await tx
      .insert(projectPartnerships)
      .values(input.partnershipIds.map((partnershipId) => ({ projectId, partnershipId })));
}

/**
 * What the policy compares a project with: the organisations and régions of its French
 * collectivités (its lead and those of its partnerships) and the countries it concerns.
 */
export async function projectScope(q: Queryable, projectId: number): Promise<Resource | null> {
  const [row] = rowsOf<{
    organisation_ids: number[] | null;
    region_codes: string[] | null;
    country_codes: string[] | null;
  }>(
    await q.execute(sql`
      WITH involved AS (
        SELECT lead_collectivite_id AS id FROM atlas_projects WHERE id = ${projectId}
        UNION
        SELECT pc.collectivite_id FROM atlas_project_partnerships pp
          JOIN atlas_partnership_collectivites pc ON pc.partnership_id = pp.partnership_id
         WHERE pp.project_id = ${projectId})
      SELECT (SELECT array_agg(DISTINCT c.organisation_id) FILTER (WHERE c.organisation_id IS NOT NULL)
                FROM ${collectivites} c JOIN involved i ON i.id = c.id) AS organisation_ids,
             (SELECT array_agg(DISTINCT c.region_code) FILTER (WHERE c.region_code IS NOT NULL)
                FROM ${collectivites} c JOIN involved i ON i.id = c.id) AS region_codes,
             (SELECT array_agg(country_code) FROM atlas_project_countries
               WHERE project_id = ${projectId}) AS country_codes
        FROM atlas_projects WHERE id = ${projectId}`),
  );
  if (!row) return null;
  return {
    organisationIds: row.organisation_ids ?? [],
    regionCodes: row.region_codes ?? [],
    countryCodes: row.country_codes ?? [],
  };
}

export interface PartnershipChoice {
  id: number;
  label: string;
}

/** The partnerships a project of these collectivités may belong to, described for a form. */
export async function partnershipChoices(
  q: Queryable,
  collectiviteIds: number[],
  alsoIds: number[] = [],
): Promise<PartnershipChoice[]> {
  if (collectiviteIds.length === 0 && alsoIds.length === 0) return [];
  const rows = rowsOf<{ id: number; label: string }>(
    await q.execute(sql`
      SELECT p.id,
             concat(k.label_fr, ' – ',
                    (SELECT string_agg(c.name, ', ' ORDER BY ${frenchOrder("c.name")}) FROM atlas_partnership_collectivites pc
                       JOIN ${collectivites} c ON c.id = pc.collectivite_id WHERE pc.partnership_id = p.id),
                    ' avec ',
                    (SELECT string_agg(fa.name || ' (' || co.name_fr || ')', ', ' ORDER BY ${frenchOrder("fa.name")})
                       FROM atlas_partnership_foreign_authorities pfa
                       JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
                       JOIN ref_countries co ON co.code = fa.country_code
                      WHERE pfa.partnership_id = p.id)) AS label
        FROM atlas_partnerships p
        LEFT JOIN ref_codes k ON k.list = 'partnership_kind' AND k.code = p.kind
       WHERE p.id IN (SELECT partnership_id FROM atlas_partnership_collectivites
                       WHERE collectivite_id IN (${sql.join(
                         [...collectiviteIds, -1].map((id) => sql`${id}`),
                         sql`, `,
                       )}))
          OR p.id IN (${sql.join(
            [...alsoIds, -1].map((id) => sql`${id}`),
            sql`, `,
          )})`),
  );
  return rows.sort((a, b) => frenchCompare(a.label, b.label));
}
