import { PORTAL_MAIL_FOOTER, simpleMail } from "../../platform/mail/outbox";
import { nameWithArticle, ofName } from "../../platform/french/place-names";

const FOOTER = PORTAL_MAIL_FOOTER;

/** Mail templates of the accounts module; each is documented in docs/mails/. */
export const accountMails = {
  passwordReset: (params: { displayName: string; url: string; validHours: number }) =>
    simpleMail({
      subject: "Réinitialisation de votre mot de passe – Portail AECT",
      greeting: `Bonjour ${params.displayName},`,
      paragraphs: [
        "Une demande de réinitialisation du mot de passe de votre compte sur le Portail AECT a été faite.",
        `Ce lien est valable ${params.validHours} heure et ne peut servir qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.`,
      ],
      action: { label: "Choisir un nouveau mot de passe", url: params.url },
      footer: FOOTER,
    }),
  invitation: (params: {
    organisationName: string;
    invitedBy: string;
    url: string;
    validDays: number;
  }) =>
    simpleMail({
      subject: `Invitation à rejoindre ${nameWithArticle(params.organisationName)} sur le Portail AECT`,
      greeting: "Bonjour,",
      paragraphs: [
        `${params.invitedBy} vous invite à rejoindre l'espace ${ofName(params.organisationName)} sur le Portail de l'action extérieure des collectivités territoriales.`,
        `Cette invitation est valable ${params.validDays} jours.`,
      ],
      action: { label: "Accepter l'invitation", url: params.url },
      footer: FOOTER,
    }),
  membershipEnded: (params: { displayName: string; organisationName: string }) =>
    simpleMail({
      subject: `Vous n'êtes plus membre ${ofName(params.organisationName)} – Portail AECT`,
      greeting: `Bonjour ${params.displayName},`,
      paragraphs: [
        `Un administrateur ${ofName(params.organisationName)} ou la DAECT vous a retiré de cette organisation sur le Portail AECT : vos sessions ouvertes ont été fermées et vous n'agissez plus en son nom.`,
        "Si c'est une erreur, adressez-vous à l'administrateur de votre organisation ou faites une nouvelle demande d'accès.",
      ],
      footer: FOOTER,
    }),
  emailChangeConfirm: (params: { displayName: string; url: string; validHours: number }) =>
    simpleMail({
      subject: "Confirmez votre nouvelle adresse – Portail AECT",
      greeting: `Bonjour ${params.displayName},`,
      paragraphs: [
        "Vous avez demandé que votre compte sur le Portail AECT utilise désormais cette adresse électronique.",
        `Confirmez-la avec le bouton ci-dessous ; le lien est valable ${params.validHours} heures et ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne change.`,
      ],
      action: { label: "Confirmer ma nouvelle adresse", url: params.url },
      footer: FOOTER,
    }),
  emailChangeNotice: (params: { displayName: string; newEmail: string }) =>
    simpleMail({
      subject: "Changement d'adresse demandé sur votre compte – Portail AECT",
      greeting: `Bonjour ${params.displayName},`,
      paragraphs: [
        `Depuis « Mon compte », il a été demandé que votre compte utilise désormais l'adresse ${params.newEmail}. Elle ne sera utilisée qu'une fois confirmée depuis cette nouvelle adresse.`,
        "Si vous n'êtes pas à l'origine de cette demande, changez votre mot de passe et fermez vos autres sessions depuis « Mon compte », ou prévenez la DAECT.",
      ],
      footer: FOOTER,
    }),
  accountClosed: (params: { displayName: string }) =>
    simpleMail({
      subject: "Votre compte a été fermé – Portail AECT",
      greeting: `Bonjour ${params.displayName},`,
      paragraphs: [
        "Votre compte sur le Portail AECT a été fermé à votre demande : vos données personnelles ont été effacées et vos sessions fermées.",
        "Le journal des modifications garde, comme tout acte administratif, le nom sous lequel vous avez agi. Pour revenir sur le portail, faites une nouvelle demande d'accès.",
      ],
      footer: FOOTER,
    }),
  proConnectLink: (params: { displayName: string; url: string; validMinutes: number }) =>
    simpleMail({
      subject: "Relier ProConnect à votre compte – Portail AECT",
      greeting: `Bonjour ${params.displayName},`,
      paragraphs: [
        "Vous vous êtes connecté au Portail AECT avec ProConnect. Un compte existe déjà avec cette adresse : le bouton ci-dessous le relie à votre identité ProConnect, pour vous connecter désormais sans mot de passe.",
        `Ce lien est valable ${params.validMinutes} minutes et ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette connexion, ignorez ce message : rien ne change.`,
      ],
      action: { label: "Relier mon compte à ProConnect", url: params.url },
      footer: FOOTER,
    }),
  signInAlert: (params: { displayName: string; failures: number }) =>
    simpleMail({
      subject: "Tentatives de connexion à votre compte – Portail AECT",
      greeting: params.displayName ? `Bonjour ${params.displayName},` : "Bonjour,",
      paragraphs: [
        `Votre compte sur le Portail AECT vient de connaître ${params.failures} tentatives de connexion avec un mot de passe erroné en moins d'une heure.`,
        "Si c'était vous, aucune action n'est nécessaire. Sinon, quelqu'un essaie peut-être de deviner votre mot de passe : ces tentatives sont ralenties et vous pouvez toujours vous connecter depuis votre poste habituel. Par prudence, choisissez un nouveau mot de passe avec « Mot de passe oublié ? » sur la page de connexion.",
      ],
      footer: FOOTER,
    }),
};
