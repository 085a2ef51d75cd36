import type { Readable } from "node:stream";
import type { PublicCache } from "../../../platform/cache";
import type { Db } from "../../../platform/db/client";
import { projectFiche } from "../fiches/project-fiche";
import { atlasLabels } from "../labels";
import { filterNameLabels } from "../search/filter-labels";
import { type ProjectFilters, filtersToParams, listFilterNames } from "../search/filters";
import { countProjects } from "../search/project-search";
import { collectiviteNames } from "../../register/index";
import { exportProjects } from "./export-rows";
import { yieldToEventLoop } from "../../../platform/event-loop";
import { frenchEuros } from "../../../platform/french-format";
import { facts, heading, masthead, newPdf, paragraph } from "../../../platform/files/pdf-document";

/** A report lists this many projects at most: beyond, a list is read as a spreadsheet. */
export const MAX_PDF_PROJECTS = 1_000;
const PDF_BATCH = 100;

const euros = (cents: number | null) => (cents === null ? "non renseigné" : frenchEuros(cents));
const number = (value: number) => value.toLocaleString("fr-FR");
const period = (start: number | null, end: number | null) =>
  start ? (end && end !== start ? `${start} – ${end}` : String(start)) : "non renseignée";

/** The search's criteria in words, as the search page shows them. */
async function criteria(db: Db, filters: ProjectFilters): Promise<[string, string][]> {
  const labels = await atlasLabels(db);
  const names = await collectiviteNames(db, filters.collectivite);
  const lines: [string, string][] = [];
  if (filters.q) lines.push(["Mots-clés", filters.q]);
  for (const name of listFilterNames) {
    const values = filters[name] as (string | number)[];
    if (values.length === 0) continue;
    const label = (value: string | number) =>
      name === "collectivite"
        ? (names.get(Number(value)) ?? String(value))
        : (labels[name].get(String(value)) ?? String(value));
    lines.push([filterNameLabels[name], values.map(label).join(", ")]);
  }
  if (filters.yearFrom) lines.push(["À partir de", String(filters.yearFrom)]);
  if (filters.yearTo) lines.push(["Jusqu'à", String(filters.yearTo)]);
  return lines;
}

/** The first entries of a facet, largest first, in words. */
function top(facet: Record<string, number> | undefined, names: Map<string, string>, count = 8) {
  return Object.entries(facet ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([code, value]) => `${names.get(code) ?? code} (${number(value)})`)
    .join(", ");
}

/**
 * A readable report of a search: its criteria, its figures (totals and the main countries,
 * thématiques and collectivité kinds), then the projects, each with its essentials. Pages
 * are written as the projects are read, so memory does not grow with the list.
 */
export async function searchReportPdf(
  db: Db,
  filters: ProjectFilters,
  options: { publicUrl: string; now: Date; cache?: PublicCache },
): Promise<Readable> {
  const title = "Atlas de la coopération décentralisée – rapport de recherche";
  // The counts with their facets are the report's costly query: the same search asked again
  // reuses them until the Atlas changes.
  const countsOf = () => countProjects(db, filters, true);
  const [labels, counts, asked] = await Promise.all([
    atlasLabels(db),
    options.cache
      ? options.cache.at("atlas", `report-counts:${filtersToParams(filters)}`, countsOf)
      : countsOf(),
    criteria(db, filters),
  ]);
  const doc = newPdf(title);
  void (async () => {
    masthead(doc, options.now);
    heading(doc, title, 1);
    heading(doc, "Critères de la recherche");
    if (asked.length === 0) paragraph(doc, "Aucun critère : tous les projets de l'Atlas.");
    else facts(doc, asked);
    paragraph(
      doc,
      `Adresse de la recherche : ${options.publicUrl}/atlas/projets?${filtersToParams(filters)}`,
      {
        muted: true,
      },
    );
    heading(doc, "Chiffres");
    facts(doc, [
      ["Projets", number(counts.total)],
      ["Pays principaux", top(counts.facets.country, labels.country)],
      ["Thématiques principales", top(counts.facets.theme, labels.theme)],
      ["Types de collectivités", top(counts.facets.collectiviteKind, labels.collectiviteKind)],
      ["Statuts", top(counts.facets.status, labels.status)],
    ]);
    heading(doc, "Projets");
    if (counts.total > MAX_PDF_PROJECTS)
      paragraph(
        doc,
        `Les ${number(MAX_PDF_PROJECTS)} premiers projets sur ${number(counts.total)} : téléchargez l'export CSV ou Excel pour la liste complète.`,
        { muted: true },
      );
    let written = 0;
    // Small batches: on the embedded database each query holds the event loop while it runs.
    for await (const batch of exportProjects(db, filters, PDF_BATCH)) {
      // A client gone away (the stream destroyed) stops the work, and its queries.
      if (doc.destroyed) return;
      for (const project of batch) {
        if (written >= MAX_PDF_PROJECTS) break;
        written += 1;
        doc.moveDown(0.6).font("bold").fontSize(11).text(`${written}. ${project.title}`);
        facts(doc, [
          ["Collectivités", project.collectivites.join(", ")],
          ["Pays", project.countries.map((code) => labels.country.get(code) ?? code).join(", ")],
          ["Période", period(project.startYear, project.endYear)],
          ["Statut", labels.status.get(project.status) ?? project.status],
          ["Budget", euros(project.totalBudgetCents)],
        ]);
        paragraph(doc, `${options.publicUrl}/atlas/projets/${project.id}`, { muted: true });
        if (written % 2 === 0) await yieldToEventLoop();
      }
      if (written >= MAX_PDF_PROJECTS) break;
    }
    doc.end();
  })().catch((error: unknown) => doc.destroy(error as Error));
  return doc;
}

/** The fiche of a project as a PDF: what its public page shows (no personal contact data). */
export async function projectFichePdf(
  db: Db,
  projectId: number,
  options: { publicUrl: string; now: Date },
): Promise<{ body: Readable; title: string }> {
  const fiche = await projectFiche(db, projectId);
  const doc = newPdf(fiche.title);
  masthead(doc, options.now);
  heading(doc, fiche.title, 1);
  facts(doc, [
    ["Statut", fiche.status],
    ["Domaine", fiche.domain],
    ["Période", period(fiche.startYear, fiche.endYear)],
    ["Collectivités françaises", fiche.collectivites.map((c) => c.name).join(", ")],
    ["Pays", fiche.countries.map((country) => country.name).join(", ")],
    ["Thématiques", fiche.themes.map((theme) => theme.label).join(", ")],
    ["ODD", fiche.sdgs.map((sdg) => sdg.label).join(" ; ")],
    ["Budget total", euros(fiche.totalBudgetCents)],
  ]);
  for (const [title, text] of [
    ["Objectifs", fiche.objectives],
    ["Description", fiche.description],
    ["Contexte", fiche.context],
    ["Historique", fiche.history],
    ["Partenaires en France", fiche.partnersInFrance],
    ["Autres partenaires à l'étranger", fiche.partnersAbroad],
  ] as const) {
    if (!text) continue;
    heading(doc, title);
    paragraph(doc, text);
  }
  if (fiche.fundings.length > 0) {
    heading(doc, "Plan de financement");
    facts(
      doc,
      fiche.fundings.map((line) => [line.source, euros(line.amountCents)]),
    );
  }
  if (fiche.partnerships.length > 0) {
    heading(doc, "Partenariats");
    for (const ship of fiche.partnerships)
      paragraph(
        doc,
        `${ship.kind} : ${ship.collectivites.map((c) => c.name).join(", ")} avec ${ship.authorities.map((a) => `${a.name} (${a.country})`).join(", ")}`,
      );
  }
  if (fiche.remarks.length > 0) {
    heading(doc, "Compléments des partenaires institutionnels");
    for (const remark of fiche.remarks) paragraph(doc, `${remark.body} — ${remark.organisation}`);
  }
  paragraph(doc, `\nFiche en ligne : ${options.publicUrl}/atlas/projets/${fiche.id}`, {
    muted: true,
  });
  doc.end();
  return { body: doc, title: fiche.title };
}
