import { ofPlace } from "../../platform/french/place-names";

/** Kinds of French collectivité, as the official territorial units name them. */
export const collectiviteKinds = ["commune", "epci", "departement", "region"] as const;
export type CollectiviteKind = (typeof collectiviteKinds)[number];

/** Kinds of foreign local authority. */
export const foreignAuthorityKinds = ["municipality", "province", "association", "state"] as const;
export type ForeignAuthorityKind = (typeof foreignAuthorityKinds)[number];

export const collectiviteKindLabels: Record<string, string> = {
  commune: "Commune",
  epci: "Intercommunalité (EPCI)",
  departement: "Département",
  region: "Région",
};

export const foreignAuthorityKindLabels: Record<string, string> = {
  municipality: "Municipalité",
  province: "Province ou région",
  association: "Groupement de collectivités",
  state: "État",
};

/** The groups a person chooses from when asking for an account, and where each is found. */
export const organisationGroups = [
  "collectivite",
  "embassy",
  "prefecture",
  "foreign_authority",
  "operator",
  "network",
] as const;
export type OrganisationGroup = (typeof organisationGroups)[number];

export const organisationGroupLabels: Record<OrganisationGroup, string> = {
  collectivite: "Collectivité territoriale française",
  embassy: "Ambassade ou poste diplomatique",
  prefecture: "Préfecture",
  foreign_authority: "Autorité locale étrangère",
  operator: "Opérateur",
  network: "Réseau régional multi-acteurs",
};

/**
 * A collectivité's name as it signs: "Région Bretagne", "Département d'Ille-et-Vilaine",
 * "Département du Finistère", "Département de la Manche", "Département des Côtes-d'Armor"
 * (the official article, from the unit's TNCC); communes and EPCI by their official name.
 */
export function collectiviteNameOf(kind: string, unitName: string, tncc: number | null): string {
  switch (kind) {
    case "region":
      return `Région ${unitName}`;
    case "departement":
      return `Département ${ofPlace(unitName, tncc)}`;
    default:
      return unitName;
  }
}
