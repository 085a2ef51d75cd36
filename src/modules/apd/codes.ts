/**
 * The e-APD's own small code lists, with their French labels and their OECD CRS codes.
 * Pure data: pages and the client bundle import it.
 */

export const declarationStatuses = ["draft", "submitted", "accepted", "returned"] as const;
export type DeclarationStatus = (typeof declarationStatuses)[number];

export const declarationStatusLabels: Record<DeclarationStatus, string> = {
  draft: "Brouillon",
  submitted: "Transmise",
  accepted: "Acceptée",
  returned: "Renvoyée pour correction",
};

export const apdFlows = ["don", "pret"] as const;
export type ApdFlow = (typeof apdFlows)[number];

export const apdFlowLabels: Record<ApdFlow, string> = { don: "Don", pret: "Prêt" };

/** CRS finance type of each flow: standard grant, standard loan. */
export const crsFinanceTypes: Record<ApdFlow, string> = { don: "110", pret: "421" };

export const apdChannels = ["direct", "ong", "collectivite", "multilateral"] as const;
export type ApdChannel = (typeof apdChannels)[number];

export const apdChannelLabels: Record<ApdChannel, string> = {
  direct: "Directement par la collectivité",
  ong: "Par une association ou une ONG",
  collectivite: "Par une autre collectivité ou un réseau",
  multilateral: "Par un organisme multilatéral",
};

/** CRS channel code of each channel (docs/decisions/0018). */
export const crsChannelCodes: Record<ApdChannel, string> = {
  direct: "11002",
  ong: "22000",
  collectivite: "11004",
  multilateral: "40000",
};

/**
 * "Multi-pays / non ventilé": aid to several countries of a region, declared under the
 * DAC regional recipient code, with the continent it counts for.
 */
export const apdRegions: { code: string; label: string; continent: string | null }[] = [
  { code: "298", label: "Afrique, multi-pays", continent: "Afrique" },
  { code: "189", label: "Afrique du Nord, multi-pays", continent: "Afrique" },
  { code: "289", label: "Afrique subsaharienne, multi-pays", continent: "Afrique" },
  { code: "1030", label: "Afrique de l'Ouest, multi-pays", continent: "Afrique" },
  { code: "498", label: "Amérique, multi-pays", continent: "Amérique du Sud" },
  {
    code: "389",
    label: "Caraïbes et Amérique centrale, multi-pays",
    continent: "Amérique centrale et Caraïbes",
  },
  { code: "489", label: "Amérique du Sud, multi-pays", continent: "Amérique du Sud" },
  { code: "798", label: "Asie, multi-pays", continent: "Asie" },
  { code: "589", label: "Moyen-Orient, multi-pays", continent: "Asie" },
  { code: "889", label: "Océanie, multi-pays", continent: "Océanie" },
  { code: "89", label: "Europe, multi-pays", continent: "Europe" },
  { code: "998", label: "Pays en développement, non ventilé", continent: null },
];

export const apdRegionByCode = new Map(apdRegions.map((region) => [region.code, region]));

export const isRegionCode = (code: string) => /^\d+$/.test(code);

export const totalGroups = [
  "year",
  "country",
  "sector",
  "collectivite",
  "region",
  "departement",
  "collectiviteKind",
] as const;
export type TotalGroup = (typeof totalGroups)[number];

export const totalGroupLabels: Record<TotalGroup, string> = {
  year: "Année",
  country: "Pays bénéficiaire",
  sector: "Secteur (CAD)",
  collectivite: "Collectivité",
  region: "Région",
  departement: "Département",
  collectiviteKind: "Type de collectivité",
};

/** Where a collectivité stands in a campaign, as the dashboard counts and filters it. */
export const progressStates = ["declared", "late", "returned", "draft", "not_started"] as const;
export type ProgressState = (typeof progressStates)[number];

export const progressStateLabels: Record<ProgressState, string> = {
  declared: "Déclarée",
  late: "Déclarée en retard",
  returned: "Renvoyée",
  draft: "Brouillon",
  not_started: "Non commencée",
};

/**
 * The OECD DAC policy markers a line carries (CRS reporting directives): for each policy
 * objective, 0 not targeted, 1 significant objective, 2 principal objective. `field` names
 * the line's field, `column` the import file's column, `crs` the CRS file's, `label` the
 * French name.
 */
export const policyMarkers = [
  {
    field: "markerGender",
    column: "marqueur_egalite_femmes_hommes",
    crs: "gender",
    label: "Égalité entre les femmes et les hommes",
  },
  {
    field: "markerEnvironment",
    column: "marqueur_environnement",
    crs: "environment",
    label: "Environnement",
  },
  {
    field: "markerBiodiversity",
    column: "marqueur_biodiversite",
    crs: "biodiversity",
    label: "Biodiversité",
  },
  {
    field: "markerClimateMitigation",
    column: "marqueur_attenuation_climat",
    crs: "climate_mitigation",
    label: "Atténuation du changement climatique",
  },
  {
    field: "markerClimateAdaptation",
    column: "marqueur_adaptation_climat",
    crs: "climate_adaptation",
    label: "Adaptation au changement climatique",
  },
  { field: "markerNutrition", column: "marqueur_nutrition", crs: "nutrition", label: "Nutrition" },
  {
    field: "markerDisability",
    column: "marqueur_handicap",
    crs: "disability",
    label: "Inclusion des personnes handicapées",
  },
] as const;
export type PolicyMarkerField = (typeof policyMarkers)[number]["field"];

/** A marker's scores and their meaning. */
export const markerScores = ["0", "1", "2"] as const;
export const markerScoreLabels: Record<(typeof markerScores)[number], string> = {
  "0": "0 – non ciblé",
  "1": "1 – objectif significatif",
  "2": "2 – objectif principal",
};
