/**
 * The portal's RGAA 4.1.2 audit grid: the 106 criteria, each with its result over the sample
 * of pages (`AUDITED_PAGES`) and, where it is not plainly met, why. The accessibility
 * statement and the footer are computed from it (statement.ts), so the published rate is the
 * one of this grid. Criteria are worded briefly here; the reference text is the RGAA's.
 *
 * C: met on every page of the sample; NC: failed on at least one; NA: no such content.
 */
export type RgaaResult = "C" | "NC" | "NA";

export interface RgaaCriterion {
  id: string;
  level: "A" | "AA";
  title: string;
  result: RgaaResult;
  /** How the result was established, or why the criterion does not apply. */
  note: string;
}

export interface RgaaTheme {
  number: number;
  name: string;
  criteria: RgaaCriterion[];
}

export const AUDIT_DATE = "2026-12-07";
export const RGAA_VERSION = "4.1.2";

/** The sample: the pages every audit must hold, then one of each kind of page of the modules. */
export const AUDITED_PAGES: { title: string; path: string }[] = [
  { title: "Accueil", path: "/" },
  { title: "Connexion", path: "/connexion" },
  { title: "Demande d'accès", path: "/inscription" },
  { title: "Mentions légales", path: "/mentions-legales" },
  { title: "Déclaration d'accessibilité", path: "/accessibilite" },
  { title: "Plan du site", path: "/plan-du-site" },
  { title: "Atlas : recherche des projets", path: "/atlas/projets" },
  { title: "Atlas : carte", path: "/atlas/carte" },
  { title: "Atlas : statistiques", path: "/atlas/statistiques" },
  { title: "Atlas : fiche d'un projet", path: "/atlas/projets/1" },
  { title: "Atlas : fiche d'une collectivité", path: "/atlas/collectivites/1" },
  { title: "Atlas : fiche d'un pays", path: "/atlas/pays/SN" },
  { title: "e-APD : statistiques publiques", path: "/apd" },
  { title: "Bourse-partenariats : demandes publiées", path: "/bourse" },
  { title: "Bourse-partenariats : déposer une demande", path: "/bourse/demandes/nouvelle" },
  { title: "Mon espace", path: "/mon-espace" },
  { title: "Mon compte", path: "/compte" },
];

const AXE = "Vérifié par axe-core sur les pages de l'échantillon à chaque évolution";
const CRAWL = "Vérifié à chaque évolution sur toutes les pages du portail de démonstration";
const DSFR = "Composants du système de design de l'État";
const NO_MEDIA = "Le portail ne publie ni son ni vidéo";

/** A criterion judged so: `c(…)` met, `na(…)` without such content. */
const judged =
  (result: RgaaResult) =>
  (id: string, level: "A" | "AA", title: string, note: string): RgaaCriterion => ({
    id,
    level,
    title,
    result,
    note,
  });
const c = judged("C");
const na = judged("NA");

export const RGAA_GRID: RgaaTheme[] = [
  {
    number: 1,
    name: "Images",
    criteria: [
      c(
        "1.1",
        "A",
        "Alternative textuelle des images porteuses d'information",
        `${AXE} ; ${CRAWL}`,
      ),
      c("1.2", "A", "Images de décoration ignorées par les technologies d'assistance", DSFR),
      c(
        "1.3",
        "A",
        "Pertinence de l'alternative des images porteuses d'information",
        "Chaque carte et chaque graphique est nommé par ce qu'il montre (revue manuelle)",
      ),
      na("1.4", "A", "Alternative des CAPTCHA et images-tests", "Aucun CAPTCHA"),
      na("1.5", "A", "Solution d'accès alternatif au CAPTCHA", "Aucun CAPTCHA"),
      c(
        "1.6",
        "A",
        "Description détaillée des images complexes",
        "Chaque carte et chaque graphique est suivi du tableau de ses données",
      ),
      c("1.7", "A", "Pertinence de la description détaillée", "Le tableau reprend chaque valeur"),
      c(
        "1.8",
        "AA",
        "Pas d'image texte porteuse d'information",
        "Seul le bloc-marque est une image",
      ),
      c("1.9", "A", "Légendes d'images reliées à leur image", "Cartes en figure avec figcaption"),
    ],
  },
  {
    number: 2,
    name: "Cadres",
    criteria: [
      na("2.1", "A", "Titre de chaque cadre", "Aucun cadre (iframe)"),
      na("2.2", "A", "Pertinence du titre de cadre", "Aucun cadre (iframe)"),
    ],
  },
  {
    number: 3,
    name: "Couleurs",
    criteria: [
      c(
        "3.1",
        "A",
        "Information non donnée uniquement par la couleur",
        "Les classes des cartes sont dans la légende et le tableau ; les statuts sont écrits",
      ),
      c("3.2", "AA", "Contraste du texte", `${DSFR} ; ${AXE}`),
      c(
        "3.3",
        "AA",
        "Contraste des composants d'interface et éléments graphiques",
        "Composants du DSFR ; les valeurs des cartes sont aussi données en texte (légende, tableau)",
      ),
    ],
  },
  {
    number: 4,
    name: "Multimédia",
    criteria: [
      na("4.1", "A", "Transcription ou audiodescription des médias temporels", NO_MEDIA),
      na("4.2", "A", "Pertinence de la transcription ou de l'audiodescription", NO_MEDIA),
      na("4.3", "A", "Sous-titres synchronisés", NO_MEDIA),
      na("4.4", "A", "Pertinence des sous-titres", NO_MEDIA),
      na("4.5", "AA", "Audiodescription synchronisée", NO_MEDIA),
      na("4.6", "AA", "Pertinence de l'audiodescription", NO_MEDIA),
      na("4.7", "A", "Média temporel clairement identifiable", NO_MEDIA),
      na("4.8", "A", "Alternative des médias non temporels", NO_MEDIA),
      na("4.9", "A", "Pertinence de l'alternative des médias non temporels", NO_MEDIA),
      na("4.10", "A", "Contrôle du son déclenché automatiquement", NO_MEDIA),
      na("4.11", "A", "Média temporel contrôlable au clavier", NO_MEDIA),
      na("4.12", "A", "Média non temporel contrôlable au clavier", NO_MEDIA),
      na("4.13", "A", "Média compatible avec les technologies d'assistance", NO_MEDIA),
    ],
  },
  {
    number: 5,
    name: "Tableaux",
    criteria: [
      c(
        "5.1",
        "A",
        "Résumé des tableaux de données complexes",
        "Tableaux croisés titrés et résumés",
      ),
      c("5.2", "A", "Pertinence du résumé", "Revue manuelle du tableau croisé des statistiques"),
      na(
        "5.3",
        "A",
        "Linéarisation des tableaux de mise en forme",
        "Aucun tableau de mise en forme",
      ),
      c("5.4", "A", "Titre des tableaux de données associé", CRAWL),
      c("5.5", "A", "Pertinence du titre de tableau", "Revue manuelle"),
      c("5.6", "A", "En-têtes de colonnes et de lignes déclarés", `${AXE} ; ${CRAWL}`),
      c(
        "5.7",
        "A",
        "Association des cellules à leurs en-têtes",
        "Attribut scope sur chaque en-tête",
      ),
      na("5.8", "A", "Tableaux de mise en forme sans éléments de tableau de données", "Aucun"),
    ],
  },
  {
    number: 6,
    name: "Liens",
    criteria: [
      c("6.1", "A", "Liens explicites", "Les liens répétés nomment leur objet (revue manuelle)"),
      c("6.2", "A", "Intitulé de chaque lien", AXE),
    ],
  },
  {
    number: 7,
    name: "Scripts",
    criteria: [
      c(
        "7.1",
        "A",
        "Scripts compatibles avec les technologies d'assistance",
        "Cartes : conteneur nommé, boutons nommés ; suggestions d'organisations annoncées",
      ),
      c(
        "7.2",
        "A",
        "Alternative pertinente aux scripts",
        "Sans script, la carte et son tableau restent",
      ),
      c(
        "7.3",
        "A",
        "Scripts contrôlables au clavier et à la souris",
        "Tests de navigateur au clavier",
      ),
      c(
        "7.4",
        "A",
        "Changement de contexte annoncé ou contrôlé",
        "Aucun envoi au changement d'un champ",
      ),
      c("7.5", "AA", "Messages de statut restitués", "role=status / role=alert sur les messages"),
    ],
  },
  {
    number: 8,
    name: "Éléments obligatoires",
    criteria: [
      c("8.1", "A", "Type de document défini", CRAWL),
      c("8.2", "A", "Code source valide", `${CRAWL} (analyse HTML, identifiants uniques)`),
      c("8.3", "A", "Langue par défaut présente", CRAWL),
      c("8.4", "A", "Langue par défaut pertinente", "La langue suit celle choisie (fr, en, es)"),
      c("8.5", "A", "Titre de page présent", CRAWL),
      c("8.6", "A", "Titre de page pertinent", `${CRAWL} (titre propre à la page)`),
      c(
        "8.7",
        "AA",
        "Changements de langue indiqués",
        "Textes des demandes écrits en anglais ou en espagnol balisés par lang",
      ),
      c("8.8", "AA", "Code de langue valide", CRAWL),
      c("8.9", "A", "Balises non utilisées à des fins de présentation", "Revue manuelle"),
      na("8.10", "A", "Changements du sens de lecture", "Aucune langue lue de droite à gauche"),
    ],
  },
  {
    number: 9,
    name: "Structuration de l'information",
    criteria: [
      c("9.1", "A", "Information structurée par des titres", `${CRAWL} (un titre h1 par page)`),
      c(
        "9.2",
        "A",
        "Structure du document cohérente",
        `${CRAWL} (en-tête, navigation, contenu, pied)`,
      ),
      c("9.3", "A", "Listes correctement structurées", DSFR),
      na("9.4", "A", "Citations indiquées", "Aucune citation"),
    ],
  },
  {
    number: 10,
    name: "Présentation de l'information",
    criteria: [
      c("10.1", "A", "Présentation contrôlée par les feuilles de styles", "Revue manuelle"),
      c("10.2", "A", "Contenu visible présent sans feuilles de styles", "Revue manuelle"),
      c("10.3", "A", "Information compréhensible sans feuilles de styles", "Revue manuelle"),
      c("10.4", "AA", "Texte lisible à 200 %", DSFR),
      c("10.5", "AA", "Couleurs du texte et du fond définies ensemble", DSFR),
      c("10.6", "A", "Liens visibles dans le texte", "Liens soulignés (DSFR)"),
      c("10.7", "A", "Prise de focus visible", "Contour du DSFR ; contour propre à la carte"),
      c("10.8", "A", "Contenus cachés ignorés par les technologies d'assistance", DSFR),
      c(
        "10.9",
        "A",
        "Information non donnée par la forme, la taille ou la position",
        "Revue manuelle",
      ),
      c("10.10", "A", "Idem pour leur implémentation", "Revue manuelle"),
      c(
        "10.11",
        "AA",
        "Consultation sans défilement horizontal à 320 px",
        "Test de navigateur sur téléphone",
      ),
      c("10.12", "AA", "Espacement du texte redéfinissable", DSFR),
      c(
        "10.13",
        "AA",
        "Contenus additionnels au survol ou au focus contrôlables",
        "Aucune infobulle",
      ),
      c("10.14", "A", "Contenus additionnels par CSS visibles au clavier", DSFR),
    ],
  },
  {
    number: 11,
    name: "Formulaires",
    criteria: [
      c("11.1", "A", "Étiquette de chaque champ", `${AXE} ; ${CRAWL}`),
      c("11.2", "A", "Pertinence des étiquettes", "Revue manuelle"),
      c(
        "11.3",
        "AA",
        "Étiquettes cohérentes pour une même fonction",
        "Composants de champ partagés",
      ),
      c("11.4", "A", "Étiquette et champ accolés", DSFR),
      c("11.5", "A", "Champs de même nature regroupés", "Groupes fieldset (DSFR)"),
      c("11.6", "A", "Légende de chaque regroupement", DSFR),
      c("11.7", "A", "Pertinence des légendes", "Revue manuelle"),
      c("11.8", "A", "Items des listes de choix regroupés", "Revue manuelle"),
      c("11.9", "A", "Intitulé des boutons pertinent", "Revue manuelle"),
      c("11.10", "A", "Contrôle de saisie pertinent", "Erreurs nommées sur le champ ; tests HTTP"),
      c("11.11", "AA", "Suggestions de correction", "Format attendu donné dans l'erreur et l'aide"),
      c(
        "11.12",
        "AA",
        "Données financières, juridiques ou personnelles modifiables",
        "Une déclaration transmise peut être corrigée et transmise de nouveau",
      ),
      c("11.13", "AA", "Finalité des champs personnels (autocomplete)", CRAWL),
    ],
  },
  {
    number: 12,
    name: "Navigation",
    criteria: [
      c("12.1", "AA", "Deux systèmes de navigation au moins", "Menu et plan du site"),
      c("12.2", "AA", "Menu et navigation à la même place", DSFR),
      c("12.3", "AA", "Plan du site pertinent", "Revue manuelle"),
      c("12.4", "AA", "Plan du site atteint de manière identique", "Lien du pied de page"),
      na(
        "12.5",
        "AA",
        "Moteur de recherche atteint de manière identique",
        "Pas de moteur de recherche du site",
      ),
      c("12.6", "A", "Zones de regroupement atteignables ou évitables", CRAWL),
      c("12.7", "A", "Lien d'évitement vers le contenu", CRAWL),
      c("12.8", "A", "Ordre de tabulation cohérent", "Tests de navigateur au clavier"),
      c("12.9", "A", "Pas de piège au clavier", "La touche Tab quitte la carte"),
      c(
        "12.10",
        "A",
        "Raccourcis d'une seule touche contrôlables",
        "Touches actives seulement sur la carte",
      ),
      c("12.11", "A", "Contenus additionnels atteignables au clavier", "Revue manuelle"),
    ],
  },
  {
    number: 13,
    name: "Consultation",
    criteria: [
      c(
        "13.1",
        "A",
        "Contrôle des limites de temps",
        "Une session expirée pendant la saisie garde ce qui a été saisi et le renvoie après reconnexion",
      ),
      c(
        "13.2",
        "A",
        "Pas d'ouverture de nouvelle fenêtre sans action",
        `${CRAWL} (ouverture annoncée)`,
      ),
      c("13.3", "A", "Version accessible des documents en téléchargement", "PDF balisés ; CSV"),
      c("13.4", "A", "Même information dans la version accessible", "Revue manuelle"),
      na("13.5", "A", "Alternative aux contenus cryptiques", "Aucun contenu cryptique"),
      na(
        "13.6",
        "A",
        "Pertinence de l'alternative aux contenus cryptiques",
        "Aucun contenu cryptique",
      ),
      na("13.7", "A", "Changements brusques de luminosité ou flashs", "Aucun"),
      na("13.8", "A", "Contenus en mouvement ou clignotants contrôlables", "Aucun"),
      c(
        "13.9",
        "AA",
        "Consultation quelle que soit l'orientation",
        "Mise en page adaptative (DSFR)",
      ),
      c(
        "13.10",
        "A",
        "Gestes complexes remplaçables par un geste simple",
        "Boutons de zoom des cartes",
      ),
      c("13.11", "A", "Actions au pointeur unique annulables", "Actions au relâchement (natif)"),
      na("13.12", "A", "Fonctions déclenchées par le mouvement de l'appareil", "Aucune"),
    ],
  },
];
