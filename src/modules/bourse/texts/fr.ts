import { themeNames } from "../../../reference/data/themes";
import { type ForeignAuthorityKind, foreignAuthorityKindLabels } from "../../register/codes";
import {
  partnerKindLabels,
  partnerSizeLabels,
  requestLanguageLabels,
  requestStatusLabels,
} from "../codes";

/**
 * The Bourse's words for its foreign readers, in French: the reference the English and
 * Spanish dictionaries follow key for key. `subject` names a field in the error messages.
 * The option lists are the codes' own French labels; the history names the workflow's steps.
 */
export const fr = {
  pages: {
    newRequest: "Déposer une demande de partenariat",
    follow: "Suivi de votre demande de partenariat",
    newLink: "Recevoir un nouveau lien de suivi",
    suffix: "Bourse-partenariats",
  },
  form: {
    intro:
      "Votre collectivité cherche une collectivité française pour un projet précis de développement local ? Décrivez-le : la demande est transmise à l'ambassade de France de votre pays et à la DAECT, puis publiée sur la Bourse-partenariats après examen.",
    countryFirst:
      "Choisissez d'abord le pays de votre collectivité : il désigne l'ambassade qui examine la demande et les villes proposées.",
    countryShown: "Pays : {{country}}",
    authority: "Votre collectivité",
    project: "Le projet",
    partner: "Le partenaire recherché",
    contact: "La personne à contacter",
    attachments: "Pièces jointes (facultatif)",
    submit: "Envoyer la demande",
    save: "Enregistrer les modifications",
    sentTitle: "Vérifiez votre messagerie",
    sentText:
      "Un lien de confirmation a été envoyé à {{email}}. La demande part à l'ambassade de France et à la DAECT dès que vous l'ouvrez et confirmez votre adresse.",
  },
  fields: {
    authorityName: {
      label: "Nom de l'autorité locale",
      hint: "Exemple : Commune de Matam",
      subject: "Le nom de l'autorité locale",
    },
    authorityKind: { label: "Type d'autorité", subject: "Le type d'autorité" },
    countryCode: { label: "Pays", subject: "Le pays" },
    cityName: {
      label: "Ville",
      hint: "Choisissez une ville de la liste proposée : elle place la demande sur la carte.",
      subject: "La ville",
    },
    title: { label: "Titre du projet", subject: "Le titre du projet" },
    description: {
      label: "Description du projet",
      hint: "Le besoin, les bénéficiaires, ce que vous attendez du partenaire (80 caractères au moins).",
      subject: "La description du projet",
    },
    themes: { label: "Thématiques", subject: "Les thématiques" },
    partnerKind: {
      label: "Type de collectivité recherché",
      subject: "Le type de collectivité recherché",
    },
    partnerSize: {
      label: "Taille de collectivité recherchée",
      subject: "La taille de collectivité recherchée",
    },
    expertise: {
      label: "Expertise recherchée (facultatif)",
      subject: "L'expertise recherchée",
    },
    budget: {
      label: "Budget estimé en euros (facultatif)",
      hint: "Exemple : 150 000",
      subject: "Le budget estimé",
    },
    languages: { label: "Langues de travail", subject: "Les langues de travail" },
    contactName: { label: "Nom et prénom", subject: "Le nom de la personne à contacter" },
    contactFunction: { label: "Fonction (facultatif)", subject: "La fonction" },
    contactEmail: {
      label: "Adresse électronique",
      hint: "Un lien de confirmation y est envoyé : la demande part à sa confirmation.",
      subject: "L'adresse électronique de contact",
    },
    contactPhone: { label: "Téléphone (facultatif)", subject: "Le téléphone" },
    pieces: {
      label: "Fichiers",
      hint: "PDF, JPEG ou PNG, 10 Mo au plus chacun, 5 fichiers au plus.",
      subject: "Les fichiers",
    },
  },
  errors: {
    descriptionShort:
      "La description du projet doit faire au moins 80 caractères : décrivez le projet, ses bénéficiaires et ce que vous attendez du partenaire.",
    themesMin: "Choisissez au moins une thématique.",
    languagesMin: "Choisissez au moins une langue de travail.",
    tooMany:
      "Plusieurs courriels sont déjà partis vers cette adresse ou depuis votre poste : consultez votre messagerie (et les indésirables) ou réessayez plus tard.",
    unknownCity:
      "« {{city}} » n'est pas une ville connue de ce pays : choisissez une ville proposée (liste des villes de plus de 1 000 habitants).",
  },
  options: {
    authorityKinds: foreignAuthorityKindLabels as Record<ForeignAuthorityKind, string>,
    partnerKinds: partnerKindLabels,
    partnerSizes: partnerSizeLabels,
    languages: requestLanguageLabels,
    themes: themeNames,
    statuses: requestStatusLabels,
  },
  follow: {
    confirmTitle: "Confirmer votre adresse",
    confirmText:
      "Votre demande n'est pas encore transmise : confirmez que cette adresse est la vôtre.",
    confirmButton: "Confirmer et transmettre",
    confirmed:
      "Adresse confirmée : votre demande est transmise à l'ambassade de France et à la DAECT.",
    linkIntro:
      "Vous avez déposé une demande de partenariat sans compte et votre lien privé a expiré ou s'est perdu ? Saisissez l'adresse électronique de contact de la demande : un nouveau lien, valable un mois, y sera envoyé.",
    linkEmail: "Adresse électronique de contact",
    linkHint: "Format attendu : nom@domaine.fr",
    linkSubmit: "Recevoir un nouveau lien",
    linkSentTitle: "Demande enregistrée",
    linkSent:
      "Si une demande de partenariat a été déposée avec l'adresse {{email}}, un nouveau lien privé vient d'y être envoyé.",
  },
  detail: {
    authority: "Autorité locale",
    authorityValue: "{{name}} ({{kind}})",
    partnerValue: "{{kind}}, {{size}}",
    place: "Lieu",
    themes: "Thématiques",
    partner: "Partenaire recherché",
    budget: "Budget estimé",
    budgetUnknown: "non précisé",
    languages: "Langues de travail",
    expertise: "Expertise recherchée",
    publishedOn: "Publiée le",
    publishedUntil: "Publiée jusqu'au",
    interested_zero: "Aucune collectivité intéressée",
    interested_one: "{{count}} collectivité intéressée",
    interested_other: "{{count}} collectivités intéressées",
    infoRequested: "Complément demandé",
    matched: "Partenariat conclu",
    matchedText: "Cette demande a trouvé son partenaire :",
    declined: "Demande refusée",
    project: "Le projet",
    contact: "Coordonnées",
    contactShared:
      "Les coordonnées de l'autorité sont communiquées aux collectivités françaises qui se déclarent intéressées (connectées au portail).",
    interests: "Collectivités intéressées",
    yours: "Votre demande",
    submit: "Transmettre la demande à l'ambassade et à la DAECT",
    resubmit: "Transmettre la demande complétée",
    renew: "Prolonger la publication de douze mois",
    close: "Retirer la demande",
    edit: "Modifier la demande",
    closeReason: "Motif du retrait (facultatif)",
    sizeKb: "{{size}} Ko",
  },
  suggestions: {
    title: "Collectivités françaises susceptibles de répondre",
    intro:
      "D'après l'Atlas : leurs projets sur ces thématiques, leur présence dans le pays ou dans les pays voisins, leur type et leur taille.",
    themeProjects_one: "{{count}} projet en {{themes}}",
    themeProjects_other: "{{count}} projets en {{themes}}",
    countryLinks_one: "déjà présente dans le pays, {{country}} ({{count}} partenariat ou projet)",
    countryLinks_other:
      "déjà présente dans le pays, {{country}} ({{count}} partenariats ou projets)",
    nearLinks_one: "{{count}} partenariat dans des pays voisins",
    nearLinks_other: "{{count}} partenariats dans des pays voisins",
    kind: "le type de collectivité recherché",
    size: "la taille recherchée",
    or: " ou ",
  },
  outcomes: {
    saved: "La demande est enregistrée.",
    submitted: "La demande est transmise à l'ambassade de France et à la DAECT.",
    resubmitted: "La demande complétée est transmise à nouveau.",
    renewed: "La publication est prolongée de douze mois.",
    closed: "La demande est retirée de la Bourse.",
  },
  /**
   * Mails to a request's author, in the language of its form. A body's paragraphs are
   * separated by a blank line; a reviewer's words are put in as they were written.
   */
  mails: {
    confirmAddress: {
      subject: "Confirmez votre adresse – Bourse-partenariats",
      body: "Une demande de partenariat a été déposée avec cette adresse électronique sur le portail de l'action extérieure des collectivités territoriales.\n\nSi elle vient de vous, ouvrez le lien ci-dessous et confirmez votre adresse : la demande sera alors transmise à l'ambassade de France et à la DAECT. Ce lien privé, valable un mois, vous permet ensuite de suivre votre demande. Sinon, ignorez ce message : rien ne sera transmis.",
      action: "Confirmer mon adresse",
    },
    newFollowLink: {
      subject: "Votre nouveau lien de suivi – Bourse-partenariats",
      body: "Voici un nouveau lien privé pour suivre votre demande « {{title}} ». Il remplace les liens reçus auparavant et reste valable un mois.",
      action: "Suivre ma demande",
    },
    published: {
      subject: "Votre demande est publiée : {{title}}",
      body: "Votre demande de partenariat « {{title}} » est publiée sur la Bourse-partenariats jusqu'au {{expiresOn}}. Les collectivités françaises intéressées pourront vous contacter ; vous serez prévenu par courriel.",
      action: "Voir ma demande",
    },
    informationRequested: {
      subject: "Complément demandé pour votre demande : {{title}}",
      body: "L'examen de votre demande de partenariat « {{title}} » demande un complément :\n\n{{message}}\n\nModifiez votre demande puis transmettez-la à nouveau.",
      action: "Compléter ma demande",
    },
    declined: {
      subject: "Votre demande n'est pas publiée : {{title}}",
      body: "Votre demande de partenariat « {{title}} » n'a pas été retenue pour la Bourse-partenariats. Motif :\n\n{{reason}}",
      action: "Voir ma demande",
    },
    interestToAuthor: {
      subject: "{{collectivite}} s'intéresse à votre demande : {{title}}",
      body: "{{collectivite}} s'intéresse à votre demande de partenariat « {{title}} ».\n\nContact : {{contactName}}, {{contactEmail}}.",
      message: "Son message : {{message}}",
      action: "Voir ma demande",
    },
    matchedToAuthor: {
      subject: "Partenariat conclu avec {{collectivite}} : {{title}}",
      body: "Votre demande de partenariat « {{title}} » a abouti : le partenariat avec {{collectivite}} est inscrit dans l'Atlas français de la coopération décentralisée. La demande est retirée de la liste des demandes ouvertes.",
      action: "Voir ma demande",
    },
    expiryReminder: {
      subject: "Votre demande expire le {{expiresOn}} : {{title}}",
      body: "Votre demande de partenariat « {{title}} » sera retirée de la Bourse-partenariats le {{expiresOn}}. Si elle est toujours d'actualité, prolongez-la de douze mois.",
      action: "Prolonger ma demande",
    },
  },
  history: {
    submit: "Transmission",
    publish: "Publication",
    askInformation: "Demande de complément",
    resubmit: "Nouvelle transmission, complétée",
    decline: "Refus",
    expressInterest: "Marque d'intérêt d'une collectivité",
    match: "Partenariat conclu",
    renew: "Prolongation de la publication",
    expire: "Fin de la publication (douze mois)",
    close: "Retrait",
  },
};
