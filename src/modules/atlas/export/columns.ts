import type { TableColumn } from "../../../platform/files/table-export";
import { atlasDomains } from "../../../reference/data/themes";
import type { AtlasLabels } from "../labels";
import type { ExportProject } from "./export-rows";

/** Euros with a decimal comma, exact from integer cents (what French Excel reads as a number). */
export function euros(cents: number | null): string {
  if (cents === null) return "";
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)},${String(absolute % 100).padStart(2, "0")}`;
}

const domainLabels = new Map<string, string>(
  atlasDomains.map((domain) => [domain.code, domain.label]),
);

export type ExportColumn = TableColumn<ExportProject>;

/** The columns of the CSV and XLSX exports, documented in the README. */
export function exportColumns(labels: AtlasLabels, publicUrl: string): ExportColumn[] {
  const list = (values: string[], map?: Map<string, string>) =>
    values.map((value) => map?.get(value) ?? value).join(" | ");
  return [
    { header: "Identifiant", text: (p) => String(p.id), numeric: (p) => p.id, width: 10 },
    { header: "Titre", text: (p) => p.title, width: 50 },
    { header: "Statut", text: (p) => labels.status.get(p.status) ?? p.status, width: 10 },
    {
      header: "Année de début",
      text: (p) => (p.startYear ? String(p.startYear) : ""),
      numeric: (p) => p.startYear,
    },
    {
      header: "Année de fin",
      text: (p) => (p.endYear ? String(p.endYear) : ""),
      numeric: (p) => p.endYear,
    },
    { header: "Domaine", text: (p) => domainLabels.get(p.domainCode) ?? p.domainCode, width: 25 },
    { header: "Thématiques", text: (p) => list(p.themes, labels.theme), width: 30 },
    { header: "ODD", text: (p) => p.sdgs.join(" | ") },
    { header: "Codes pays (ISO)", text: (p) => list(p.countries) },
    { header: "Pays", text: (p) => list(p.countries, labels.country), width: 20 },
    { header: "Collectivités françaises", text: (p) => list(p.collectivites), width: 30 },
    { header: "Partenaires étrangers", text: (p) => list(p.authorities), width: 30 },
    {
      header: "Types de partenariat",
      text: (p) => list(p.partnershipKinds, labels.partnershipKind),
      width: 25,
    },
    {
      header: "Budget total (€)",
      text: (p) => euros(p.totalBudgetCents),
      numeric: (p) => (p.totalBudgetCents === null ? null : p.totalBudgetCents / 100),
      width: 15,
    },
    {
      header: "Financements (€)",
      text: (p) =>
        p.fundings
          .map((f) => `${labels.funding.get(f.source) ?? f.source} : ${euros(f.amountCents)}`)
          .join(" | "),
      width: 40,
    },
    { header: "Objectifs", text: (p) => p.objectives ?? "", width: 50 },
    { header: "Description", text: (p) => p.description ?? "", width: 50 },
    { header: "Fiche", text: (p) => `${publicUrl}/atlas/projets/${p.id}`, width: 40 },
  ];
}
