/** Portal nomenclatures that exist in no package: written once here, loaded into ref_codes. */
export const partnershipKindLabels = {
  jumelage: "Jumelage",
  convention: "Convention de coopération décentralisée",
  pacte_amitie: "Pacte d'amitié",
  charte: "Charte de coopération",
  transfrontaliere: "Coopération transfrontalière",
  interregionale: "Coopération interrégionale",
} as const;

/** Funding sources of a project (fiche-projet) and of an application to a call. */
export const fundingSourceLabels = {
  fonds_propres: "Fonds propres de la collectivité",
  meae_daect: "Appels à projets MEAE / DAECT",
  afd_ficol: "AFD – FICOL (Facilité de financement des collectivités)",
  union_europeenne: "Union européenne",
  un_pourcent_eau: "« 1 % eau » (loi Oudin-Santini)",
  un_pourcent_energie: "« 1 % énergie »",
  un_pourcent_dechets: "« 1 % déchets »",
  un_pourcent_transport: "« 1 % transports »",
  partenaire_etranger: "Apport de la collectivité partenaire",
  autre: "Autre financement",
} as const;

export const organisationKindLabels = {
  collectivite: "Collectivité territoriale française",
  foreign_authority: "Autorité locale étrangère",
  embassy: "Poste diplomatique (ambassade)",
  prefecture: "Préfecture de région",
  daect: "DAECT – Ministère de l'Europe et des Affaires étrangères",
  operator: "Opérateur",
  network: "Réseau régional multi-acteurs",
} as const;
