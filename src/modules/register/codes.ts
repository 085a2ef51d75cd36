/** Kinds of French collectivité, as the official territorial units name them. */
export const collectiviteKinds = ["commune", "epci", "departement", "region"] as const;
export type CollectiviteKind = (typeof collectiviteKinds)[number];

/** Kinds of foreign local authority. */
export const foreignAuthorityKinds = ["municipality", "province", "association", "state"] as const;
export type ForeignAuthorityKind = (typeof foreignAuthorityKinds)[number];
