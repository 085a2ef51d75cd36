import { XMLBuilder } from "fast-xml-parser";
import { themeDacPurpose } from "../../../reference/data/theme-sectors";
import type { AtlasLabels } from "../labels";
import type { ExportProject } from "./export-rows";

/**
 * The portal publishes Atlas projects on behalf of the DAECT. IATI organisation identifiers
 * are registered per publisher; until the ministry's own is configured, this one names it.
 */
export const IATI_REPORTING_ORG = {
  ref: "FR-MEAE-DAECT",
  name: "Ministère de l'Europe et des Affaires étrangères – Délégation pour l'action extérieure des collectivités territoriales",
};

const STATUS_CODES: Record<string, string> = { en_projet: "1", en_cours: "2", termine: "4" };
/** IATI OrganisationType 11: local government. */
const LOCAL_GOVERNMENT = "11";

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });

/** Shares of 100 with two decimals that add up to exactly 100. */
function percentages(count: number): string[] {
  const base = Math.floor(10_000 / count);
  return Array.from({ length: count }, (_, i) =>
    ((i === count - 1 ? 10_000 - base * (count - 1) : base) / 100).toFixed(2),
  );
}

const amount = (cents: number) => (cents / 100).toFixed(2);

function activity(project: ExportProject, labels: AtlasLabels) {
  const start = `${project.startYear ?? project.updatedAt.slice(0, 4)}-01-01`;
  const end = project.endYear ? `${project.endYear}-12-31` : undefined;
  const sectors = [...new Set(project.themes.map((code) => themeDacPurpose[code]).filter(Boolean))];
  const countryShares = percentages(project.countries.length || 1);
  const sectorShares = percentages(sectors.length || 1);
  const narrative = (text: string) => ({ narrative: text });
  return {
    "@_last-updated-datetime": project.updatedAt,
    "@_xml:lang": "fr",
    "@_default-currency": "EUR",
    "iati-identifier": `${IATI_REPORTING_ORG.ref}-ATLAS-${project.id}`,
    "reporting-org": {
      "@_ref": IATI_REPORTING_ORG.ref,
      "@_type": "10",
      ...narrative(IATI_REPORTING_ORG.name),
    },
    title: narrative(project.title),
    description: [project.objectives, project.description]
      .filter((text): text is string => Boolean(text))
      .map((text, i) => ({ "@_type": i === 0 ? "2" : "1", ...narrative(text) })),
    "participating-org": [
      ...project.collectivites.map((name) => ({
        "@_role": "1",
        "@_type": LOCAL_GOVERNMENT,
        ...narrative(name),
      })),
      ...project.authorities.map((name) => ({
        "@_role": "4",
        "@_type": LOCAL_GOVERNMENT,
        ...narrative(name),
      })),
    ],
    "activity-status": { "@_code": STATUS_CODES[project.status] ?? "2" },
    "activity-date": [
      { "@_type": "1", "@_iso-date": start },
      ...(end ? [{ "@_type": "3", "@_iso-date": end }] : []),
    ],
    "recipient-country": project.countries.map((code, i) => ({
      "@_code": code,
      "@_percentage": countryShares[i],
      ...narrative(labels.country.get(code) ?? code),
    })),
    sector: sectors.map((code, i) => ({
      "@_vocabulary": "1",
      "@_code": code,
      "@_percentage": sectorShares[i],
    })),
    budget:
      project.totalBudgetCents !== null && end
        ? {
            "@_type": "1",
            "@_status": "1",
            "period-start": { "@_iso-date": start },
            "period-end": { "@_iso-date": end },
            value: { "@_value-date": start, "#text": amount(project.totalBudgetCents) },
          }
        : undefined,
    // What each source brought to the project, as incoming funds.
    transaction: project.fundings.map((funding) => ({
      "transaction-type": { "@_code": "1" },
      "transaction-date": { "@_iso-date": start },
      value: { "@_value-date": start, "#text": amount(funding.amountCents) },
      "provider-org": narrative(labels.funding.get(funding.source) ?? funding.source),
    })),
  };
}

/** An iati-activities 2.03 document, written activity by activity. */
export async function* iatiChunks(
  batches: AsyncIterable<ExportProject[]>,
  labels: AtlasLabels,
  generatedAt: Date,
) {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${generatedAt.toISOString().replace(/\.\d+Z$/, "Z")}">\n`;
  for await (const batch of batches)
    yield builder.build({
      "iati-activity": batch.map((project) => activity(project, labels)),
    });
  yield "</iati-activities>\n";
}
