import type { Random } from "./random";
import { nameWithArticle, ofName, toName } from "../platform/french/place-names";

/** Project titles and objectives per thématique; {fr} is the French partner, {local} the foreign one. */
const PROJECT_TEMPLATES: Record<string, { titles: string[]; objective: string; sdgs: number[] }> = {
  "jeunesse-formation": {
    titles: [
      "Mobilité des jeunes entre {fr} et {local}",
      "Chantiers de jeunes volontaires à {local}",
      "Formation professionnelle aux métiers du bâtiment à {local}",
    ],
    objective:
      "Offrir à des jeunes des deux territoires une expérience de mobilité et de formation qualifiante.",
    sdgs: [4, 8, 17],
  },
  education: {
    titles: [
      "Échanges scolaires entre {fr} et {local}",
      "Construction et équipement d'écoles primaires à {local}",
      "Appui à l'alphabétisation des adultes à {local}",
    ],
    objective:
      "Améliorer l'accès à une éducation de qualité et rapprocher les communautés éducatives.",
    sdgs: [4, 10],
  },
  sante: {
    titles: [
      "Appui au centre de santé communautaire de {local}",
      "Prévention en santé maternelle et infantile à {local}",
      "Coopération hospitalière entre {fr} et {local}",
    ],
    objective: "Renforcer l'offre de soins de proximité et la prévention auprès des populations.",
    sdgs: [3, 5],
  },
  recherche: {
    titles: [
      "Partenariat universitaire entre {fr} et {local}",
      "Programme de recherche partagé sur le développement urbain à {local}",
    ],
    objective: "Développer les échanges d'étudiants et de chercheurs entre les deux territoires.",
    sdgs: [4, 9, 17],
  },
  gouvernance: {
    titles: [
      "Appui à la maîtrise d'ouvrage communale de {local}",
      "Renforcement de l'état civil et des finances locales à {local}",
      "Formation des élus et agents de {local}",
    ],
    objective:
      "Renforcer les capacités de la collectivité partenaire à conduire ses politiques publiques.",
    sdgs: [16, 17],
  },
  "action-economique": {
    titles: [
      "Accompagnement des entreprises de {fr} vers {local}",
      "Mission économique et salon professionnel à {local}",
      "Appui à la création de petites entreprises à {local}",
    ],
    objective: "Favoriser les échanges économiques et l'emploi dans les deux territoires.",
    sdgs: [8, 9, 17],
  },
  tourisme: {
    titles: [
      "Développement d'un tourisme durable à {local}",
      "Itinéraire touristique partagé entre {fr} et {local}",
    ],
    objective: "Valoriser les atouts touristiques et créer des revenus pour la population locale.",
    sdgs: [8, 12],
  },
  numerique: {
    titles: [
      "Services numériques pour la mairie de {local}",
      "Tiers-lieu numérique et inclusion à {local}",
    ],
    objective: "Moderniser les services au public et réduire la fracture numérique.",
    sdgs: [9, 16],
  },
  agriculture: {
    titles: [
      "Agro-écologie et sécurité alimentaire à {local}",
      "Structuration des filières maraîchères à {local}",
      "Appui aux coopératives agricoles de {local}",
    ],
    objective: "Améliorer les revenus des producteurs et la sécurité alimentaire du territoire.",
    sdgs: [2, 12, 15],
  },
  "francophonie-economique": {
    titles: ["Réseau d'entrepreneurs francophones entre {fr} et {local}"],
    objective: "Soutenir les échanges économiques dans l'espace francophone.",
    sdgs: [8, 17],
  },
  patrimoine: {
    titles: [
      "Restauration du patrimoine bâti de {local}",
      "Inventaire et valorisation du patrimoine de {local}",
    ],
    objective: "Préserver et valoriser le patrimoine historique comme ressource de développement.",
    sdgs: [11],
  },
  culture: {
    titles: [
      "Résidences d'artistes entre {fr} et {local}",
      "Festival culturel franco-local à {local}",
      "Jumelage des écoles de musique de {fr} et {local}",
    ],
    objective: "Favoriser la connaissance mutuelle par les échanges culturels et artistiques.",
    sdgs: [4, 11, 17],
  },
  sport: {
    titles: ["Rencontres sportives de jeunes entre {fr} et {local}"],
    objective: "Rapprocher les jeunes des deux territoires par la pratique sportive.",
    sdgs: [3, 10],
  },
  francophonie: {
    titles: ["Promotion de la langue française à {local}", "Médiathèque francophone de {local}"],
    objective: "Soutenir l'enseignement et l'usage du français.",
    sdgs: [4],
  },
  "aide-developpement": {
    titles: [
      "Programme de développement local de {local}",
      "Appui au plan communal de développement de {local}",
    ],
    objective:
      "Accompagner la collectivité partenaire dans la mise en œuvre de son plan de développement.",
    sdgs: [1, 11, 17],
  },
  "transfrontalier-europe": {
    titles: [
      "Services publics transfrontaliers entre {fr} et {local}",
      "Projet européen de coopération territoriale avec {local}",
    ],
    objective: "Faciliter la vie des habitants de part et d'autre de la frontière.",
    sdgs: [11, 17],
  },
  urgence: {
    titles: ["Aide d'urgence aux sinistrés de {local}", "Reconstruction post-crise à {local}"],
    objective:
      "Répondre aux besoins essentiels des populations touchées et préparer le relèvement.",
    sdgs: [1, 11],
  },
  migrations: {
    titles: ["Migrations et développement entre {fr} et {local}"],
    objective: "Associer les diasporas au développement de leur territoire d'origine.",
    sdgs: [10, 17],
  },
  climat: {
    titles: ["Plan climat territorial de {local}", "Adaptation au changement climatique à {local}"],
    objective: "Réduire la vulnérabilité du territoire et ses émissions de gaz à effet de serre.",
    sdgs: [13, 11],
  },
  "developpement-durable": {
    titles: [
      "Agenda 2030 partagé entre {fr} et {local}",
      "Aménagement durable du centre-ville de {local}",
    ],
    objective: "Intégrer les objectifs de développement durable dans l'action locale.",
    sdgs: [11, 12, 17],
  },
  "eau-assainissement": {
    titles: [
      "Accès à l'eau potable à {local}",
      "Assainissement et hygiène dans les écoles de {local}",
      "Gestion durable du service de l'eau à {local}",
    ],
    objective: "Améliorer durablement l'accès à l'eau potable et à l'assainissement.",
    sdgs: [6, 3],
  },
  energie: {
    titles: [
      "Électrification solaire des équipements publics de {local}",
      "Efficacité énergétique des bâtiments de {local}",
    ],
    objective: "Développer l'accès à une énergie propre et abordable.",
    sdgs: [7, 13],
  },
  dechets: {
    titles: [
      "Collecte et valorisation des déchets à {local}",
      "Création d'un centre de tri à {local}",
    ],
    objective: "Organiser un service de gestion des déchets efficace et durable.",
    sdgs: [11, 12],
  },
};

export function projectText(random: Random, themeCode: string, french: string, local: string) {
  const template = PROJECT_TEMPLATES[themeCode];
  const fill = (text: string) =>
    text
      .replaceAll("de {fr}", ofName(french))
      .replaceAll("de {local}", ofName(local))
      .replaceAll("à {fr}", toName(french))
      .replaceAll("à {local}", toName(local))
      .replaceAll("{fr}", nameWithArticle(french))
      .replaceAll("{local}", nameWithArticle(local));
  const title = fill(random.pick(template.titles));
  return {
    title,
    objectives: template.objective,
    description: fill(
      `Projet conduit par {fr} avec {local}. ${template.objective} Les actions associent les services des deux collectivités, des associations et des habitants.`,
    ),
    context: fill("Ce projet s'inscrit dans le partenariat entre {fr} et {local}."),
    sdgs: template.sdgs,
  };
}

const FIRST_NAMES = [
  "Camille",
  "Dominique",
  "Claude",
  "Alix",
  "Sacha",
  "Morgane",
  "Yannick",
  "Maxime",
  "Lou",
  "Noa",
];
const LAST_NAMES = [
  "Martin-Exemple",
  "Durand-Fictif",
  "Bernard-Démo",
  "Petit-Exemple",
  "Moreau-Fictif",
  "Lefèvre-Démo",
];

/** A clearly fictitious person: real-sounding first name, surname marked as an example. */
export function fictitiousPerson(random: Random) {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

/** A foreign authority's partnership request on a thématique: title and description. */
export function requestText(random: Random, themeCode: string, local: string) {
  const template = PROJECT_TEMPLATES[themeCode];
  const titles = template.titles.filter((title) => !title.includes("{fr}"));
  const title = random
    .pick(titles.length > 0 ? titles : template.titles)
    .replaceAll("{local}", local)
    .replaceAll("{fr}", "une collectivité française");
  return {
    title,
    description: `${local} recherche une collectivité française pour conduire ce projet avec ses services municipaux. ${template.objective} Le partenaire apporterait son expertise technique, l'accueil d'agents en formation et un appui à la recherche de cofinancements ; la commune met à disposition une équipe projet et un terrain.`,
  };
}

/** Thématiques that have request texts. */
export const requestThemes = Object.keys(PROJECT_TEMPLATES);
