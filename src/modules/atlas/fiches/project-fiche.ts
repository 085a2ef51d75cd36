import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../platform/db/client";
import { NotFound } from "../../../platform/errors";
import { atlasDomains } from "../../../reference/data/themes";
import { atlasLabels } from "../labels";
import {
  collectivites,
  foreignAuthorities,
  partnershipCollectivites,
  partnershipForeignAuthorities,
  partnerships,
  projectCodes,
  projectCountries,
  projectFundings,
  projectPartnerships,
  projects,
} from "../schema";

const domainLabels = new Map<string, string>(atlasDomains.map((d) => [d.code, d.label]));

/** Everything the public fiche of a project shows; no personal contact data. */
export async function projectFiche(db: Db, projectId: number) {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) throw new NotFound("Ce projet n'existe pas ou a été retiré de l'Atlas.");
  const [labels, codes, countryRows, fundingRows, shipRows] = await Promise.all([
    atlasLabels(db),
    db.select().from(projectCodes).where(eq(projectCodes.projectId, projectId)),
    db.select().from(projectCountries).where(eq(projectCountries.projectId, projectId)),
    db
      .select()
      .from(projectFundings)
      .where(eq(projectFundings.projectId, projectId))
      .orderBy(asc(projectFundings.id)),
    db
      .select({
        id: partnerships.id,
        kind: partnerships.kind,
        signedOn: partnerships.signedOn,
        status: partnerships.status,
      })
      .from(projectPartnerships)
      .innerJoin(partnerships, eq(partnerships.id, projectPartnerships.partnershipId))
      .where(eq(projectPartnerships.projectId, projectId)),
  ]);
  const shipIds = shipRows.map((row) => row.id);
  const [frenchRows, foreignRows] = await Promise.all([
    shipIds.length === 0
      ? []
      : db
          .select({
            partnershipId: partnershipCollectivites.partnershipId,
            id: collectivites.id,
            name: collectivites.name,
            kind: collectivites.kind,
          })
          .from(partnershipCollectivites)
          .innerJoin(collectivites, eq(collectivites.id, partnershipCollectivites.collectiviteId))
          .where(inArray(partnershipCollectivites.partnershipId, shipIds)),
    shipIds.length === 0
      ? []
      : db
          .select({
            partnershipId: partnershipForeignAuthorities.partnershipId,
            id: foreignAuthorities.id,
            name: foreignAuthorities.name,
            countryCode: foreignAuthorities.countryCode,
          })
          .from(partnershipForeignAuthorities)
          .innerJoin(
            foreignAuthorities,
            eq(foreignAuthorities.id, partnershipForeignAuthorities.foreignAuthorityId),
          )
          .where(inArray(partnershipForeignAuthorities.partnershipId, shipIds)),
  ]);
  const lead = project.leadCollectiviteId
    ? await db
        .select({ id: collectivites.id, name: collectivites.name, kind: collectivites.kind })
        .from(collectivites)
        .where(eq(collectivites.id, project.leadCollectiviteId))
    : [];
  const frenchById = new Map(
    [...lead, ...frenchRows].map((row) => [row.id, { id: row.id, name: row.name, kind: row.kind }]),
  );
  return {
    id: project.id,
    title: project.title,
    domain: domainLabels.get(project.domainCode) ?? project.domainCode,
    objectives: project.objectives,
    description: project.description,
    history: project.history,
    context: project.context,
    startYear: project.startYear,
    endYear: project.endYear,
    status: labels.status.get(project.status) ?? project.status,
    totalBudgetCents: project.totalBudgetCents,
    volunteers: project.volunteers,
    updatedAt: project.updatedAt.toISOString(),
    version: project.version,
    themes: codes
      .filter((code) => code.list === "theme")
      .map((code) => ({ code: code.code, label: labels.theme.get(code.code) ?? code.code })),
    sdgs: codes
      .filter((code) => code.list === "sdg")
      .sort((a, b) => Number(a.code) - Number(b.code))
      .map((code) => ({ code: code.code, label: labels.sdg.get(code.code) ?? code.code })),
    countries: countryRows.map((row) => ({
      code: row.countryCode,
      name: labels.country.get(row.countryCode) ?? row.countryCode,
    })),
    fundings: fundingRows.map((row) => ({
      source: labels.funding.get(row.sourceCode) ?? row.sourceCode,
      amountCents: row.amountCents,
    })),
    collectivites: [...frenchById.values()],
    partnerships: shipRows.map((ship) => ({
      id: ship.id,
      kind: labels.partnershipKind.get(ship.kind) ?? ship.kind,
      signedOn: ship.signedOn,
      status: ship.status,
      collectivites: frenchRows
        .filter((row) => row.partnershipId === ship.id)
        .map(({ id, name }) => ({ id, name })),
      authorities: foreignRows
        .filter((row) => row.partnershipId === ship.id)
        .map(({ id, name, countryCode }) => ({
          id,
          name,
          country: labels.country.get(countryCode) ?? countryCode,
        })),
    })),
  };
}

export type ProjectFiche = Awaited<ReturnType<typeof projectFiche>>;
