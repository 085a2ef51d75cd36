/**
 * An access request: mailed link not yet followed, waiting for an approver, approved (the
 * person has an account in the organisation) or refused (with a reason).
 */
export const accessRequestStatuses = ["unconfirmed", "pending", "approved", "refused"] as const;
export type AccessRequestStatus = (typeof accessRequestStatuses)[number];

export const accessRequestStatusLabels: Record<AccessRequestStatus, string> = {
  unconfirmed: "Adresse à confirmer",
  pending: "En attente de validation",
  approved: "Acceptée",
  refused: "Refusée",
};

/** The functions a person says they hold, plus "autre" (typed). */
export const personFunctions = [
  "elu",
  "directeur_general",
  "charge_relations_internationales",
  "charge_cooperation",
  "agent_finances",
  "agent_administratif",
  "autre",
] as const;
export type PersonFunction = (typeof personFunctions)[number];

export const personFunctionLabels: Record<PersonFunction, string> = {
  elu: "Élu ou élue",
  directeur_general: "Direction générale des services",
  charge_relations_internationales: "Chargé(e) des relations internationales",
  charge_cooperation: "Chargé(e) de coopération",
  agent_finances: "Agent des finances",
  agent_administratif: "Agent administratif",
  autre: "Autre fonction",
};
