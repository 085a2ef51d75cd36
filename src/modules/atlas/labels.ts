import { atlasDomains } from "../../reference/data/themes";
import { inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { codes, continents, countries, territorialUnits } from "../../reference/schema";
import type { ListFilterName } from "./search/filters";
import { collectiviteKindLabels } from "../register/codes";
import { frenchCompare } from "../../platform/french/collation";
import { isPartnerCountry } from "../../reference/partner-countries";

export { collectiviteKindLabels, foreignAuthorityKindLabels } from "../register/codes";

export const projectStatusLabels: Record<string, string> = {
  en_projet: "En projet",
  en_cours: "En cours",
  termine: "Terminé",
};

export const partnershipStatusLabels: Record<string, string> = {
  active: "Active",
  en_sommeil: "En sommeil",
  terminee: "Terminée",
};

/**
 * French labels of every coded value a filter can take (collectivités excepted: too many),
 * and the countries a form offers as partners.
 */
export type AtlasLabels = Record<Exclude<ListFilterName, "collectivite">, Map<string, string>> & {
  partnerCountry: Map<string, string>;
  /** The domains that group the thématiques (statistics). */
  domain: Map<string, string>;
};

const loaded = new WeakMap<Db, Promise<AtlasLabels>>();

/** Reference data does not change while the portal runs: read it once per database. */
export function atlasLabels(db: Db): Promise<AtlasLabels> {
  let labels = loaded.get(db);
  if (!labels) {
    labels = readLabels(db);
    labels.catch(() => loaded.delete(db));
    loaded.set(db, labels);
  }
  return labels;
}

async function readLabels(db: Db): Promise<AtlasLabels> {
  const [countryRows, unitRows, codeRows] = await Promise.all([
    db.select({ code: countries.code, name: countries.nameFr }).from(countries),
    db
      .select({
        kind: territorialUnits.kind,
        code: territorialUnits.code,
        name: territorialUnits.name,
      })
      .from(territorialUnits)
      .where(inArray(territorialUnits.kind, ["region", "departement"])),
    db
      .select({ list: codes.list, code: codes.code, label: codes.labelFr })
      .from(codes)
      .where(inArray(codes.list, ["theme", "sdg", "funding_source", "partnership_kind"])),
  ]);
  const ofList = (list: string) =>
    new Map(codeRows.filter((row) => row.list === list).map((row) => [row.code, row.label]));
  const sortedByName = (rows: { code: string; name: string }[]) =>
    new Map(
      [...rows].sort((a, b) => frenchCompare(a.name, b.name)).map((row) => [row.code, row.name]),
    );
  return {
    continent: new Map(continents.map((name) => [name, name])),
    country: sortedByName(countryRows),
    partnerCountry: sortedByName(countryRows.filter((row) => isPartnerCountry(row.code))),
    region: sortedByName(unitRows.filter((row) => row.kind === "region")),
    departement: new Map(
      unitRows
        .filter((row) => row.kind === "departement")
        .sort((a, b) => a.code.localeCompare(b.code, "fr", { numeric: true }))
        .map((row) => [row.code, `${row.code} – ${row.name}`]),
    ),
    collectiviteKind: new Map(Object.entries(collectiviteKindLabels)),
    theme: ofList("theme"),
    domain: new Map(atlasDomains.map((domain) => [domain.code, domain.label])),
    partnershipKind: ofList("partnership_kind"),
    funding: ofList("funding_source"),
    sdg: new Map(
      [...ofList("sdg")]
        .sort(([a], [b]) => Number(a) - Number(b))
        // The IATI label repeats the number ("Objectif 6. Garantir…"): keep the goal only.
        .map(([c, l]) => [c, `ODD ${c} – ${l.replace(/^Objectif \d+\.\s*/, "")}`]),
    ),
    status: new Map(Object.entries(projectStatusLabels)),
  };
}
