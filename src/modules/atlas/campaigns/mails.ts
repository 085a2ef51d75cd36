import { PORTAL_MAIL_FOOTER, simpleMail } from "../../../platform/mail/outbox";
import { ofName } from "../../../platform/french/place-names";

const FOOTER = PORTAL_MAIL_FOOTER;

const closing = (closesOn: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(closesOn),
  );

/** Mails of the update campaigns; documented in docs/mails/. */
export const campaignMails = {
  opened: (params: {
    title: string;
    message: string;
    collectivite: string;
    closesOn: string;
    action: { label: string; url: string };
    notice: string | null;
  }) =>
    simpleMail({
      subject: `Mise à jour de l'Atlas : vérifiez les données ${ofName(params.collectivite)}`,
      greeting: "Bonjour,",
      paragraphs: [
        `La DAECT ouvre la campagne « ${params.title} » de mise à jour de l'Atlas français de la coopération décentralisée.`,
        params.message,
        `Sur le Portail AECT, vérifiez le profil, les partenariats et les projets ${ofName(params.collectivite)}, corrigez-les si besoin, puis confirmez qu'ils sont à jour avant le ${closing(params.closesOn)}.`,
        ...(params.notice ? [params.notice] : []),
      ],
      action: params.action,
      footer: FOOTER,
    }),
  reminder: (params: {
    title: string;
    collectivite: string;
    closesOn: string;
    action: { label: string; url: string };
    notice: string | null;
  }) =>
    simpleMail({
      subject: `Rappel – mise à jour de l'Atlas : ${params.collectivite}`,
      greeting: "Bonjour,",
      paragraphs: [
        `Les données ${ofName(params.collectivite)} n'ont pas encore été confirmées dans la campagne « ${params.title} ».`,
        `Merci de les vérifier et de confirmer qu'elles sont à jour avant le ${closing(params.closesOn)}.`,
        ...(params.notice ? [params.notice] : []),
      ],
      action: params.action,
      footer: FOOTER,
    }),
};
