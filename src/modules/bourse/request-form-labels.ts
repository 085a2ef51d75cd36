/**
 * The request form's words in French, English and Spanish: foreign authorities fill it in
 * the language they read. Pure, for the pages. Error messages stay in French (the portal's
 * language); the field they name is the one labelled here.
 */
export const formLanguages = ["fr", "en", "es"] as const;
export type FormLanguage = (typeof formLanguages)[number];

export const formLanguageNames: Record<FormLanguage, string> = {
  fr: "Français",
  en: "English",
  es: "Español",
};

type Words = {
  title: string;
  intro: string;
  authority: string;
  project: string;
  partner: string;
  contact: string;
  attachments: string;
  submit: string;
  save: string;
  fields: Record<string, [label: string, hint?: string]>;
};

export const requestFormWords: Record<FormLanguage, Words> = {
  fr: {
    title: "Déposer une demande de partenariat",
    intro:
      "Votre collectivité cherche une collectivité française pour un projet précis de développement local ? Décrivez-le : la demande est transmise à l'ambassade de France de votre pays et à la DAECT, puis publiée sur la Bourse-partenariats après examen.",
    authority: "Votre collectivité",
    project: "Le projet",
    partner: "Le partenaire recherché",
    contact: "La personne à contacter",
    attachments: "Pièces jointes (facultatif)",
    submit: "Envoyer la demande",
    save: "Enregistrer les modifications",
    fields: {
      authorityName: ["Nom de l'autorité locale", "Exemple : Commune de Matam"],
      authorityKind: ["Type d'autorité"],
      countryCode: ["Pays"],
      cityName: [
        "Ville",
        "Choisissez une ville de la liste proposée : elle place la demande sur la carte.",
      ],
      title: ["Titre du projet"],
      description: [
        "Description du projet",
        "Le besoin, les bénéficiaires, ce que vous attendez du partenaire (80 caractères au moins).",
      ],
      themes: ["Thématiques"],
      partnerKind: ["Type de collectivité recherché"],
      partnerSize: ["Taille de collectivité recherchée"],
      expertise: ["Expertise recherchée (facultatif)"],
      budget: ["Budget estimé en euros (facultatif)", "Exemple : 150 000"],
      languages: ["Langues de travail"],
      contactName: ["Nom et prénom"],
      contactFunction: ["Fonction (facultatif)"],
      contactEmail: [
        "Adresse électronique",
        "Un lien de confirmation y est envoyé : la demande part à sa confirmation.",
      ],
      contactPhone: ["Téléphone (facultatif)"],
      pieces: ["Fichiers", "PDF, JPEG ou PNG, 10 Mo au plus chacun, 5 fichiers au plus."],
    },
  },
  en: {
    title: "Post a partnership request",
    intro:
      "Is your local government looking for a French local government for a specific local development project? Describe it: the request goes to the French embassy in your country and to the DAECT, then is published on the Bourse-partenariats once reviewed.",
    authority: "Your local government",
    project: "The project",
    partner: "The partner you are looking for",
    contact: "Contact person",
    attachments: "Attachments (optional)",
    submit: "Send the request",
    save: "Save the changes",
    fields: {
      authorityName: ["Name of the local authority", "Example: Municipality of Kumasi"],
      authorityKind: ["Kind of authority"],
      countryCode: ["Country"],
      cityName: ["City", "Choose a city from the list: it places the request on the map."],
      title: ["Project title"],
      description: [
        "Project description",
        "The need, the beneficiaries, what you expect from the partner (at least 80 characters).",
      ],
      themes: ["Themes"],
      partnerKind: ["Kind of French local government sought"],
      partnerSize: ["Size of French local government sought"],
      expertise: ["Expertise sought (optional)"],
      budget: ["Estimated budget in euros (optional)", "Example: 150000"],
      languages: ["Working languages"],
      contactName: ["Full name"],
      contactFunction: ["Position (optional)"],
      contactEmail: [
        "E-mail address",
        "A confirmation link is sent there: the request leaves once you confirm.",
      ],
      contactPhone: ["Telephone (optional)"],
      pieces: ["Files", "PDF, JPEG or PNG, 10 MB at most each, 5 files at most."],
    },
  },
  es: {
    title: "Presentar una solicitud de asociación",
    intro:
      "¿Su colectividad busca una colectividad francesa para un proyecto concreto de desarrollo local? Descríbalo: la solicitud se transmite a la embajada de Francia en su país y a la DAECT y, tras su examen, se publica en la Bourse-partenariats.",
    authority: "Su colectividad",
    project: "El proyecto",
    partner: "El socio que busca",
    contact: "Persona de contacto",
    attachments: "Documentos adjuntos (opcional)",
    submit: "Enviar la solicitud",
    save: "Guardar los cambios",
    fields: {
      authorityName: ["Nombre de la autoridad local", "Ejemplo: Municipalidad de Cusco"],
      authorityKind: ["Tipo de autoridad"],
      countryCode: ["País"],
      cityName: ["Ciudad", "Elija una ciudad de la lista: sitúa la solicitud en el mapa."],
      title: ["Título del proyecto"],
      description: [
        "Descripción del proyecto",
        "La necesidad, los beneficiarios, lo que espera del socio (80 caracteres como mínimo).",
      ],
      themes: ["Temáticas"],
      partnerKind: ["Tipo de colectividad francesa buscada"],
      partnerSize: ["Tamaño de colectividad francesa buscada"],
      expertise: ["Experiencia buscada (opcional)"],
      budget: ["Presupuesto estimado en euros (opcional)", "Ejemplo: 150000"],
      languages: ["Idiomas de trabajo"],
      contactName: ["Nombre y apellidos"],
      contactFunction: ["Cargo (opcional)"],
      contactEmail: [
        "Correo electrónico",
        "Se le envía un enlace de confirmación: la solicitud sale cuando usted confirma.",
      ],
      contactPhone: ["Teléfono (opcional)"],
      pieces: ["Archivos", "PDF, JPEG o PNG, 10 MB como máximo cada uno, 5 archivos como máximo."],
    },
  },
};

export const formLanguageOf = (value: string | null | undefined): FormLanguage =>
  value === "en" || value === "es" ? value : "fr";
