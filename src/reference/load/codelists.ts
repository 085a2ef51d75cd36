import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { projectRoot } from "../../platform/db/project-root";
import { atlasDomains } from "../data/themes";
import { fundingSourceLabels, partnershipKindLabels } from "../data/nomenclatures";
import type { codes } from "../schema";

type CodeRow = typeof codes.$inferInsert;

/** Portal list name → IATI codelist file. */
const IATI_LISTS = {
  dac_purpose: "Sector.xml",
  dac_purpose_category: "SectorCategory.xml",
  dac_channel: "CRSChannelCode.xml",
  sdg: "UNSDG-Goals.xml",
  flow_type: "FlowType.xml",
  finance_type: "FinanceType.xml",
  aid_type: "AidType.xml",
} as const;

interface Narrative {
  "#text": string;
  "@_xml:lang"?: string;
}
interface CodelistItem {
  code: string | number;
  "@_status"?: string;
  category?: string | number;
  name?: { narrative: Narrative | Narrative[] };
  description?: { narrative: Narrative | Narrative[] };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  textNodeName: "#text",
  alwaysCreateTextNode: true,
  isArray: (name) => name === "codelist-item" || name === "narrative",
  parseTagValue: false,
});

function narrative(block: { narrative: Narrative | Narrative[] } | undefined, lang: "fr" | "en") {
  if (!block) return null;
  const narratives = Array.isArray(block.narrative) ? block.narrative : [block.narrative];
  const found = narratives.find((entry) =>
    lang === "en"
      ? !entry["@_xml:lang"] || entry["@_xml:lang"] === "en"
      : entry["@_xml:lang"] === lang,
  );
  return found?.["#text"]?.trim() ?? null;
}

function textOf(value: unknown): string {
  if (value && typeof value === "object" && "#text" in value)
    return String((value as Narrative)["#text"]);
  return String(value);
}

function iatiRows(list: string, file: string): CodeRow[] {
  const xml = readFileSync(path.join(projectRoot(), "src/reference/data/iati", file), "utf8");
  const document = parser.parse(xml);
  const items: CodelistItem[] = document.codelist["codelist-items"]["codelist-item"];
  return items.map((item, position) => {
    const labelEn = narrative(item.name, "en");
    return {
      list,
      code: textOf(item.code).trim(),
      labelFr: narrative(item.name, "fr") ?? labelEn ?? textOf(item.code),
      labelEn,
      descriptionFr: narrative(item.description, "fr"),
      parentCode: item.category === undefined ? null : textOf(item.category).trim(),
      position,
      isActive: item["@_status"] !== "withdrawn",
    };
  });
}

function labelledRows(list: string, labels: Record<string, string>): CodeRow[] {
  return Object.entries(labels).map(([code, labelFr], position) => ({
    list,
    code,
    labelFr,
    position,
  }));
}

/** All nomenclatures: the IATI/OECD code lists and the portal's own lists. */
export function codeRows(): CodeRow[] {
  const domains = atlasDomains.map((domain, position) => ({
    list: "domain",
    code: domain.code,
    labelFr: domain.label,
    position,
  }));
  const themes = atlasDomains.flatMap((domain, domainPosition) =>
    domain.themes.map(([code, labelFr], position) => ({
      list: "theme",
      code,
      labelFr,
      parentCode: domain.code,
      position: domainPosition * 100 + position,
    })),
  );
  return [
    ...Object.entries(IATI_LISTS).flatMap(([list, file]) => iatiRows(list, file)),
    ...domains,
    ...themes,
    ...labelledRows("partnership_kind", partnershipKindLabels),
    ...labelledRows("funding_source", fundingSourceLabels),
  ];
}
