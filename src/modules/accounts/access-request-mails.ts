import { PORTAL_MAIL_FOOTER, frenchMail, simpleMail } from "../../platform/mail/outbox";
import { ofName } from "../../platform/french/place-names";

/** The mails of an access request, in French. */
export const accessMails = {
  confirm: (p: { organisation: string; url: string; validHours: number }) =>
    frenchMail(
      "Confirmez votre demande d'accès au Portail AECT",
      [
        `Vous avez demandé un compte au nom ${ofName(p.organisation)} sur le Portail de l'action extérieure des collectivités territoriales.`,
        `Confirmez votre adresse avec ce lien, valable ${p.validHours} heures : la demande est alors transmise pour validation. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.`,
      ],
      { label: "Confirmer ma demande", url: p.url },
    ),
  toApprove: (p: { person: string; organisation: string; url: string }) =>
    frenchMail(
      `Demande d'accès à valider : ${p.person} (${p.organisation})`,
      [
        `${p.person} demande un compte au nom ${ofName(p.organisation)} sur le Portail AECT. Son adresse est confirmée.`,
        "Acceptez ou refusez la demande depuis « Mon espace ».",
      ],
      { label: "Voir les demandes à valider", url: p.url },
    ),
  approved: (p: { organisation: string; url: string; firstPassword: boolean; validDays: number }) =>
    frenchMail(
      `Votre compte au nom ${ofName(p.organisation)} est ouvert – Portail AECT`,
      [
        `Votre demande d'accès au nom ${ofName(p.organisation)} est acceptée.`,
        p.firstPassword
          ? `Choisissez votre mot de passe avec ce lien, valable ${p.validDays} jours et à usage unique, puis connectez-vous avec cette adresse.`
          : "Connectez-vous avec votre compte habituel : l'organisation figure désormais parmi les vôtres.",
      ],
      { label: p.firstPassword ? "Choisir mon mot de passe" : "Se connecter", url: p.url },
    ),
  refused: (p: { organisation: string; reason: string }) =>
    simpleMail({
      subject: `Votre demande d'accès au nom ${ofName(p.organisation)} n'est pas acceptée – Portail AECT`,
      greeting: "Bonjour,",
      paragraphs: [
        `Votre demande d'accès au nom ${ofName(p.organisation)} n'est pas acceptée.`,
        `Motif : ${p.reason}`,
      ],
      footer: PORTAL_MAIL_FOOTER,
    }),
};
