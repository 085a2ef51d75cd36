import type { TemplateColumn } from "../../../platform/files/template-file";
import type { ImportKind } from "./import-kinds";

export type { TemplateColumn };

/** Funding lines in the template; the import accepts up to MAX_FUNDING_LINES. */
const TEMPLATE_FUNDING_LINES = 3;

const collectiviteColumns: TemplateColumn[] = [
  {
    name: "type_collectivite",
    required: true,
    description: "commune, epci, departement ou region",
    example: "commune",
  },
  {
    name: "code_collectivite",
    required: true,
    description:
      "Code INSEE (commune, département, région) ou SIREN (EPCI) d'une collectivité présente dans l'Atlas",
    example: "35238",
  },
];

const fundingColumns = (count: number): TemplateColumn[] =>
  Array.from({ length: count }, (_, i) => [
    {
      name: `financement_${i + 1}_source`,
      required: false,
      description: "Source du financement (code ou libellé de la liste des financements)",
      example: i === 0 ? "Fonds propres de la collectivité" : "",
      field: `fundingSource${i + 1}`,
    },
    {
      name: `financement_${i + 1}_montant`,
      required: false,
      description: "Montant en euros, au centime près",
      example: i === 0 ? "40 000" : "",
      field: `fundingAmount${i + 1}`,
    },
  ]).flat();

/** The documented columns of each import, in the template's order. */
export const templateColumns: Record<ImportKind, TemplateColumn[]> = {
  projects: [
    ...collectiviteColumns,
    {
      name: "titre",
      required: true,
      description: "Titre du projet",
      example: "Accès à l'eau potable dans la commune de Dioffior",
      field: "title",
    },
    {
      name: "domaine",
      required: true,
      description: "Domaine principal (libellé ou code)",
      example: "Environnement, climat et énergie",
      field: "domainCode",
    },
    {
      name: "thematiques",
      required: true,
      description: "Thématiques (libellés ou codes) séparées par des virgules",
      example: "Eau et assainissement, Santé et action sociale",
      field: "themes",
    },
    {
      name: "pays",
      required: true,
      description: "Pays concernés : codes ISO à deux lettres ou noms, séparés par des virgules",
      example: "SN",
      field: "countries",
    },
    {
      name: "statut",
      required: true,
      description: "En projet, En cours ou Terminé",
      example: "En cours",
      field: "status",
    },
    {
      name: "annee_debut",
      required: false,
      description: "Année de début (AAAA)",
      example: "2024",
      field: "startYear",
    },
    {
      name: "annee_fin",
      required: false,
      description: "Année de fin (AAAA)",
      example: "2027",
      field: "endYear",
    },
    {
      name: "budget_total",
      required: false,
      description: "Budget total en euros",
      example: "120 000",
      field: "totalBudgetCents",
    },
    ...fundingColumns(TEMPLATE_FUNDING_LINES),
    {
      name: "odd",
      required: false,
      description: "Numéros des ODD séparés par des virgules",
      example: "6, 3",
      field: "sdgs",
    },
    {
      name: "objectifs",
      required: false,
      description: "Objectifs",
      example: "",
      field: "objectives",
    },
    {
      name: "description",
      required: false,
      description: "Description",
      example: "",
      field: "description",
    },
    { name: "contexte", required: false, description: "Contexte", example: "", field: "context" },
    {
      name: "historique",
      required: false,
      description: "Historique",
      example: "",
      field: "history",
    },
    {
      name: "volontaires",
      required: false,
      description: "Nombre de volontaires",
      example: "",
      field: "volunteers",
    },
    {
      name: "partenaires_france",
      required: false,
      description: "Partenaires en France",
      example: "Association Eau Vive",
      field: "partnersInFrance",
    },
    {
      name: "partenaires_etranger",
      required: false,
      description: "Autres partenaires à l'étranger",
      example: "",
      field: "partnersAbroad",
    },
    {
      name: "autorite_partenaire",
      required: false,
      description:
        "Nom d'une autorité partenaire de la collectivité : le projet est rattaché à leur partenariat",
      example: "",
      field: "partnershipIds",
    },
  ],
  partnerships: [
    ...collectiviteColumns,
    {
      name: "autorite_partenaire",
      required: true,
      description: "Nom de l'autorité locale étrangère",
      example: "Commune de Dioffior",
    },
    {
      name: "type_autorite",
      required: true,
      description: "Municipalité, Province ou région, Groupement de collectivités ou État",
      example: "Municipalité",
    },
    {
      name: "pays",
      required: true,
      description: "Code ISO à deux lettres ou nom du pays",
      example: "SN",
    },
    {
      name: "ville",
      required: false,
      description:
        "Ville où situer l'autorité sur la carte (par défaut, celle de son nom : « Commune de Dioffior » → Dioffior)",
      example: "Dioffior",
    },
    {
      name: "latitude",
      required: false,
      description: "Si la ville n'est pas reconnue : latitude en degrés décimaux, positive au nord",
      example: "14,1833",
    },
    {
      name: "longitude",
      required: false,
      description:
        "Si la ville n'est pas reconnue : longitude en degrés décimaux, positive à l'est",
      example: "-16,6667",
    },
    {
      name: "type_partenariat",
      required: true,
      description: "Jumelage, Convention de coopération décentralisée, Pacte d'amitié, Charte…",
      example: "Convention de coopération décentralisée",
    },
    {
      name: "date_signature",
      required: false,
      description: "JJ/MM/AAAA ou AAAA-MM-JJ",
      example: "15/06/2019",
    },
    {
      name: "statut",
      required: false,
      description: "Active (par défaut), En sommeil ou Terminée",
      example: "Active",
    },
  ],
};

/** Extra funding columns the import accepts beyond the template's. */
export function acceptedColumns(kind: ImportKind, maxFundingLines: number): TemplateColumn[] {
  if (kind === "partnerships") return templateColumns.partnerships;
  return [
    ...templateColumns.projects,
    ...fundingColumns(maxFundingLines).slice(TEMPLATE_FUNDING_LINES * 2),
  ];
}

export const importKindLabels: Record<ImportKind, string> = {
  projects: "Projets",
  partnerships: "Partenariats",
};
