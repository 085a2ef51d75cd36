import type { epciMembers, territorialUnits } from "../schema";
import { readPackageData } from "./package-data";

/** Where the territories come from: what the loader's fingerprint follows. */
export const territorySource = "@etalab/decoupage-administratif/data/regions.json";

interface Region {
  code: string;
  nom: string;
  /** INSEE "type de nom en clair": which article and "de" the name takes. */
  typeLiaison: number;
  zone: string;
}
interface Departement {
  code: string;
  region: string;
  nom: string;
  /** INSEE "type de nom en clair": which article and "de" the name takes. */
  typeLiaison: number;
  zone: string;
}
interface Commune {
  code: string;
  nom: string;
  /** INSEE "type de nom en clair": which article and "de" the name takes. */
  typeLiaison: number;
  type: string;
  zone: string;
  departement?: string;
  region?: string;
  siren?: string;
  population?: number;
}
interface Epci {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: { code: string }[];
}

type UnitRow = typeof territorialUnits.$inferInsert;

export const unitId = (kind: string, code: string) => `${kind}:${code}`;

/** Régions, départements, communes and EPCI of the official administrative division. */
export function territoryRows(): {
  units: UnitRow[];
  members: (typeof epciMembers.$inferInsert)[];
} {
  const data = "@etalab/decoupage-administratif/data";
  const regions = readPackageData<Region[]>(`${data}/regions.json`);
  const departements = readPackageData<Departement[]>(`${data}/departements.json`);
  const communes = readPackageData<Commune[]>(`${data}/communes.json`).filter(
    (commune) => commune.type === "commune-actuelle",
  );
  const epcis = readPackageData<Epci[]>(`${data}/epci.json`);

  const communeByCode = new Map(communes.map((commune) => [commune.code, commune]));
  const regionPopulation = new Map<string, number>();
  const departementPopulation = new Map<string, number>();
  for (const commune of communes) {
    if (commune.region) {
      regionPopulation.set(
        commune.region,
        (regionPopulation.get(commune.region) ?? 0) + (commune.population ?? 0),
      );
    }
    if (commune.departement) {
      departementPopulation.set(
        commune.departement,
        (departementPopulation.get(commune.departement) ?? 0) + (commune.population ?? 0),
      );
    }
  }

  const units: UnitRow[] = [
    ...regions.map((region) => ({
      id: unitId("region", region.code),
      kind: "region" as const,
      code: region.code,
      name: region.nom,
      tncc: region.typeLiaison,
      population: regionPopulation.get(region.code) ?? null,
      regionCode: region.code,
      category: region.zone,
    })),
    ...departements.map((departement) => ({
      id: unitId("departement", departement.code),
      kind: "departement" as const,
      code: departement.code,
      name: departement.nom,
      tncc: departement.typeLiaison,
      population: departementPopulation.get(departement.code) ?? null,
      regionCode: departement.region,
      departementCode: departement.code,
      category: departement.zone,
    })),
    ...epcis.map((epci) => {
      // An EPCI belongs to the département of most of its members.
      const first = communeByCode.get(epci.membres[0]?.code ?? "");
      return {
        id: unitId("epci", epci.code),
        kind: "epci" as const,
        code: epci.code,
        name: epci.nom,
        tncc: null,
        siren: epci.code,
        population: epci.populationTotale ?? null,
        regionCode: first?.region ?? null,
        departementCode: first?.departement ?? null,
        category: epci.type,
      };
    }),
    ...communes.map((commune) => ({
      id: unitId("commune", commune.code),
      kind: "commune" as const,
      code: commune.code,
      name: commune.nom,
      tncc: commune.typeLiaison,
      siren: commune.siren ?? null,
      population: commune.population ?? null,
      regionCode: commune.region ?? null,
      departementCode: commune.departement ?? null,
      category: commune.zone,
    })),
  ];
  const members = epcis.flatMap((epci) =>
    epci.membres.map((member) => ({ epciCode: epci.code, communeCode: member.code })),
  );
  return { units, members };
}
