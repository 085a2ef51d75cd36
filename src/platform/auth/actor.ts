import type { OrganisationKind } from "./organisation-kinds";

export type Role =
  | "visitor"
  | "agent"
  | "autorite"
  | "ambassade"
  | "prefecture"
  | "daect"
  | "operateur"
  | "reseau";

export const roleOfOrganisationKind: Record<OrganisationKind, Exclude<Role, "visitor">> = {
  collectivite: "agent",
  foreign_authority: "autorite",
  embassy: "ambassade",
  prefecture: "prefecture",
  daect: "daect",
  operator: "operateur",
  network: "reseau",
};

export const roleLabels: Record<Role, string> = {
  visitor: "Visiteur",
  agent: "Agent de collectivité",
  autorite: "Autorité locale étrangère",
  ambassade: "Poste diplomatique",
  prefecture: "Préfecture de région",
  daect: "DAECT",
  operateur: "Opérateur",
  reseau: "Réseau régional",
};

export interface Membership {
  organisationId: number;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: Exclude<Role, "visitor">;
  isAdmin: boolean;
  unitId: string | null;
  countryCode: string | null;
  regionCode: string | null;
}

export interface SignedInActor {
  kind: "user";
  userId: number;
  email: string;
  displayName: string;
  memberships: Membership[];
}

export type Actor = { kind: "visitor" } | SignedInActor;

export const visitor: Actor = { kind: "visitor" };

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? `${actor.displayName} <${actor.email}>` : "Visiteur";
}

export const auditActorOf = (actor: Actor) => ({
  userId: actor.kind === "user" ? actor.userId : null,
  label: actorLabel(actor),
});
