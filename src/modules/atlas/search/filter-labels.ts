import type { ListFilterName } from "./filters";

/** The French name of each Atlas filter (no server code: the search form uses it). */
export const filterNameLabels: Record<ListFilterName, string> = {
  continent: "Continent",
  country: "Pays",
  region: "Région française",
  departement: "Département",
  collectiviteKind: "Type de collectivité",
  collectivite: "Collectivité",
  theme: "Thématique",
  partnershipKind: "Type de partenariat",
  funding: "Source de financement",
  sdg: "Objectif de développement durable (ODD)",
  status: "Statut du projet",
};
