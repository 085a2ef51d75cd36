import figures from "./published-figures.json" with { type: "json" };

/**
 * Targets of the demo dataset at scale 1, from the published figures (seeds 002 and 004).
 * Where two sources disagree, see docs/decisions/0003-demo-dataset-calibration.md.
 */
export type ContinentTargets = {
  collectivites: number;
  authorities: number;
  countries: number;
  projects: number;
};

export const continentTargets: Record<string, ContinentTargets> = Object.fromEntries(
  Object.entries(figures.atlas_by_continent.rows).map(
    ([continent, [collectivites, authorities, countries, projects]]) => [
      continent,
      { collectivites, authorities, countries, projects },
    ],
  ),
);

export const totals = {
  collectivites: figures.atlas_totals.french_collectivites,
  partnerships: figures.atlas_totals.partnerships,
  /** The brochure's overall project count includes projects without a single partner country. */
  projects: 13_494,
};

/** Shares of partnerships by kind of French collectivité (AMF mémento). */
export const collectiviteTypeShares = {
  commune: figures.atlas_totals.collectivite_type_shares.commune,
  epci: figures.atlas_totals.collectivite_type_shares.intercommunalite,
  departement: figures.atlas_totals.collectivite_type_shares.departement,
  region: figures.atlas_totals.collectivite_type_shares.region,
};

export const domainShares = figures.atlas_totals.domain_shares as Record<string, number>;

/** How many collectivités of each kind take part (régions: all 18 of France). */
export const collectiviteCounts = { region: 18, departement: 95, epci: 350, commune: 4_237 };
