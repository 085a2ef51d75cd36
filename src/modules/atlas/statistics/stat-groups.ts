/** Dimensions and measures of the Atlas statistics; no server code, pages import it too. */
export const statGroups = [
  "country",
  "region",
  "departement",
  "theme",
  "domain",
  "partnershipKind",
  "collectiviteKind",
  "year",
] as const;
export type StatGroup = (typeof statGroups)[number];

export const statGroupLabels: Record<StatGroup, string> = {
  country: "Pays",
  region: "Région",
  departement: "Département",
  theme: "Thématique",
  domain: "Domaine",
  partnershipKind: "Type de partenariat",
  collectiviteKind: "Type de collectivité",
  year: "Année",
};

export const statColumns = [
  ["projects", "Projets"],
  ["partnerships", "Partenariats"],
  ["frenchCollectivites", "Collectivités françaises"],
  ["partnerAuthorities", "Autorités partenaires"],
] as const;
