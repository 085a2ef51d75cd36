/** The kinds of organisation a portal user belongs to; they decide the user's role. */
export const organisationKinds = [
  "collectivite",
  "foreign_authority",
  "embassy",
  "prefecture",
  "daect",
  "operator",
  "network",
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
