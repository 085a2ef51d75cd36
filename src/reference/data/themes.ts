/**
 * Atlas thématiques: the five domains used in the published statistics (AMF mémento 2020)
 * and, under each, the DAECT's axes of action (seed 000, "Les grands axes de l'AECT")
 * with the usual sub-themes of decentralised cooperation files.
 */
export const atlasDomains = [
  {
    code: "education-social-recherche",
    label: "Éducation, social et recherche",
    themes: [
      ["jeunesse-formation", "Jeunesse et formation professionnelle"],
      ["education", "Éducation et enseignement"],
      ["sante", "Santé et action sociale"],
      ["recherche", "Enseignement supérieur et recherche"],
      ["gouvernance", "Gouvernance locale et appui institutionnel"],
    ],
  },
  {
    code: "economie-durable",
    label: "Économie durable",
    themes: [
      ["action-economique", "Action économique"],
      ["tourisme", "Tourisme"],
      ["numerique", "Numérique"],
      ["agriculture", "Agriculture et sécurité alimentaire"],
      ["francophonie-economique", "Francophonie économique"],
    ],
  },
  {
    code: "culture-patrimoine",
    label: "Culture et patrimoine",
    themes: [
      ["patrimoine", "Patrimoine"],
      ["culture", "Culture et échanges artistiques"],
      ["sport", "Sport"],
      ["francophonie", "Francophonie et langue française"],
    ],
  },
  {
    code: "humanitaire-transfrontalier",
    label: "Humanitaire et coopération transfrontalière",
    themes: [
      ["aide-developpement", "Aide publique au développement"],
      ["transfrontalier-europe", "Transfrontalier et financements européens"],
      ["urgence", "Aide humanitaire et d'urgence"],
      ["migrations", "Migrations et développement"],
    ],
  },
  {
    code: "environnement-climat-energie",
    label: "Environnement, climat et énergie",
    themes: [
      ["climat", "Climat"],
      ["developpement-durable", "Développement durable"],
      ["eau-assainissement", "Eau et assainissement"],
      ["energie", "Énergie"],
      ["dechets", "Gestion des déchets"],
    ],
  },
] as const;

export type DomainCode = (typeof atlasDomains)[number]["code"];

export type ThemeCode = (typeof atlasDomains)[number]["themes"][number][0];

/** Each thème's French name by its code. */
export const themeNames = Object.fromEntries(
  atlasDomains.flatMap((domain) => domain.themes.map(([code, label]) => [code, label])),
) as Record<ThemeCode, string>;
