import type { PageLanguage } from "../../platform/i18n/languages";
import { PORTAL_MAIL_FOOTER, frenchMail, simpleMail } from "../../platform/mail/outbox";
import { sentenceCase } from "../../platform/french/counts";
import { nameWithArticle, ofName } from "../../platform/french/place-names";

/** A body named at the start of a sentence: "La Région Bretagne", "Rennes". */
const subjectOf = (name: string) => sentenceCase(nameWithArticle(name));

/** Languages in which a foreign author reads its mails: the form's, the portal's pages'. */
type AuthorLanguage = PageLanguage;

const footers: Record<AuthorLanguage, string> = {
  fr: PORTAL_MAIL_FOOTER,
  en: "Portal of the external action of French local governments – French Ministry for Europe and Foreign Affairs (DAECT). This message is sent automatically; please do not reply.",
  es: "Portal de la acción exterior de las colectividades territoriales francesas – Ministerio de Europa y de Asuntos Exteriores de Francia (DAECT). Este mensaje se envía automáticamente; por favor, no responda.",
};

const greetings: Record<AuthorLanguage, string> = {
  fr: "Bonjour,",
  en: "Hello,",
  es: "Buenos días:",
};

/** A mail to a request's author, in the language the author used. */
function authorMail(
  lang: AuthorLanguage,
  text: Record<AuthorLanguage, { subject: string; paragraphs: string[]; action: string }>,
  url: string,
) {
  const chosen = text[lang];
  return simpleMail({
    subject: chosen.subject,
    greeting: greetings[lang],
    paragraphs: chosen.paragraphs,
    action: { label: chosen.action, url },
    footer: footers[lang],
    lang,
  });
}

/** Mails of the Bourse-partenariats; each is documented in docs/mails/. */
export const bourseMails = {
  /**
   * The first mail to an address only asks to confirm it: nothing typed in the public form
   * (title, names) is in it, so the form cannot carry a stranger's words to anybody's mailbox.
   */
  confirmAddress: (p: { lang: AuthorLanguage; url: string }) =>
    authorMail(
      p.lang,
      {
        fr: {
          subject: "Confirmez votre adresse – Bourse-partenariats",
          paragraphs: [
            "Une demande de partenariat a été déposée avec cette adresse électronique sur le portail de l'action extérieure des collectivités territoriales.",
            "Si elle vient de vous, ouvrez le lien ci-dessous et confirmez votre adresse : la demande sera alors transmise à l'ambassade de France et à la DAECT. Ce lien privé, valable un mois, vous permet ensuite de suivre votre demande. Sinon, ignorez ce message : rien ne sera transmis.",
          ],
          action: "Confirmer mon adresse",
        },
        en: {
          subject: "Confirm your address – Bourse-partenariats",
          paragraphs: [
            "A partnership request has been filed with this e-mail address on the portal of the external action of French local governments.",
            "If it comes from you, open the link below and confirm your address: the request will then be sent to the French embassy and to the DAECT. This private link, valid for one month, then lets you follow your request. Otherwise, ignore this message: nothing will be sent.",
          ],
          action: "Confirm my address",
        },
        es: {
          subject: "Confirme su dirección – Bourse-partenariats",
          paragraphs: [
            "Se ha presentado una solicitud de asociación con esta dirección electrónica en el portal de la acción exterior de las colectividades territoriales francesas.",
            "Si procede de usted, abra el enlace siguiente y confirme su dirección: la solicitud se transmitirá entonces a la embajada de Francia y a la DAECT. Este enlace privado, válido durante un mes, le permite después seguir su solicitud. De lo contrario, ignore este mensaje: no se transmitirá nada.",
          ],
          action: "Confirmar mi dirección",
        },
      },
      p.url,
    ),

  /** To an author without an account who asked for a new private link to its request. */
  newFollowLink: (p: { lang: AuthorLanguage; title: string; url: string }) =>
    authorMail(
      p.lang,
      {
        fr: {
          subject: "Votre nouveau lien de suivi – Bourse-partenariats",
          paragraphs: [
            `Voici un nouveau lien privé pour suivre votre demande « ${p.title} ». Il remplace les liens reçus auparavant et reste valable un mois.`,
          ],
          action: "Suivre ma demande",
        },
        en: {
          subject: "Your new follow-up link – Bourse-partenariats",
          paragraphs: [
            `Here is a new private link to follow your request "${p.title}". It replaces the links received before and is valid for one month.`,
          ],
          action: "Follow my request",
        },
        es: {
          subject: "Su nuevo enlace de seguimiento – Bourse-partenariats",
          paragraphs: [
            `Este es un nuevo enlace privado para seguir su solicitud «${p.title}». Sustituye a los enlaces recibidos anteriormente y es válido durante un mes.`,
          ],
          action: "Seguir mi solicitud",
        },
      },
      p.url,
    ),

  /** To the embassy of the country and to the DAECT, when a request arrives or comes back. */
  requestToTriage: (p: {
    title: string;
    authority: string;
    country: string;
    city: string;
    resubmitted: boolean;
    url: string;
  }) =>
    simpleMail({
      subject: `${p.resubmitted ? "Demande complétée" : "Nouvelle demande"} de partenariat – ${p.country} : ${p.title}`,
      greeting: "Bonjour,",
      paragraphs: [
        p.resubmitted
          ? `${subjectOf(p.authority)} (${p.city}, ${p.country}) a complété sa demande de partenariat « ${p.title} » comme vous l'aviez demandé.`
          : `${subjectOf(p.authority)} (${p.city}, ${p.country}) a déposé une demande de partenariat sur la Bourse-partenariats : « ${p.title} ».`,
        "Examinez-la : publiez-la sur la Bourse, demandez un complément à son auteur, ou refusez-la en indiquant le motif.",
      ],
      action: { label: "Examiner la demande", url: p.url },
      footer: PORTAL_MAIL_FOOTER,
    }),

  published: (p: { lang: AuthorLanguage; title: string; expiresOn: string; url: string }) =>
    authorMail(
      p.lang,
      {
        fr: {
          subject: `Votre demande est publiée : ${p.title}`,
          paragraphs: [
            `Votre demande de partenariat « ${p.title} » est publiée sur la Bourse-partenariats jusqu'au ${p.expiresOn}. Les collectivités françaises intéressées pourront vous contacter ; vous serez prévenu par courriel.`,
          ],
          action: "Voir ma demande",
        },
        en: {
          subject: `Your request is published: ${p.title}`,
          paragraphs: [
            `Your partnership request "${p.title}" is published on the Bourse-partenariats until ${p.expiresOn}. Interested French local governments will be able to contact you; you will be notified by e-mail.`,
          ],
          action: "See my request",
        },
        es: {
          subject: `Su solicitud está publicada: ${p.title}`,
          paragraphs: [
            `Su solicitud de asociación «${p.title}» está publicada en la Bourse-partenariats hasta el ${p.expiresOn}. Las colectividades francesas interesadas podrán contactarle; se le avisará por correo electrónico.`,
          ],
          action: "Ver mi solicitud",
        },
      },
      p.url,
    ),

  informationRequested: (p: {
    lang: AuthorLanguage;
    title: string;
    message: string;
    url: string;
  }) =>
    authorMail(
      p.lang,
      {
        fr: {
          subject: `Complément demandé pour votre demande : ${p.title}`,
          paragraphs: [
            `L'examen de votre demande de partenariat « ${p.title} » demande un complément :`,
            p.message,
            "Modifiez votre demande puis transmettez-la à nouveau.",
          ],
          action: "Compléter ma demande",
        },
        en: {
          subject: `More information needed for your request: ${p.title}`,
          paragraphs: [
            `Your partnership request "${p.title}" needs more information (message in French from the reviewer):`,
            p.message,
            "Please edit your request and send it again.",
          ],
          action: "Complete my request",
        },
        es: {
          subject: `Se solicita información adicional: ${p.title}`,
          paragraphs: [
            `Su solicitud de asociación «${p.title}» requiere información adicional (mensaje en francés del evaluador):`,
            p.message,
            "Modifique su solicitud y vuelva a transmitirla.",
          ],
          action: "Completar mi solicitud",
        },
      },
      p.url,
    ),

  declined: (p: { lang: AuthorLanguage; title: string; reason: string; url: string }) =>
    authorMail(
      p.lang,
      {
        fr: {
          subject: `Votre demande n'est pas publiée : ${p.title}`,
          paragraphs: [
            `Votre demande de partenariat « ${p.title} » n'a pas été retenue pour la Bourse-partenariats. Motif :`,
            p.reason,
          ],
          action: "Voir ma demande",
        },
        en: {
          subject: `Your request is not published: ${p.title}`,
          paragraphs: [
            `Your partnership request "${p.title}" was not accepted on the Bourse-partenariats. Reason (in French):`,
            p.reason,
          ],
          action: "See my request",
        },
        es: {
          subject: `Su solicitud no se publica: ${p.title}`,
          paragraphs: [
            `Su solicitud de asociación «${p.title}» no ha sido aceptada en la Bourse-partenariats. Motivo (en francés):`,
            p.reason,
          ],
          action: "Ver mi solicitud",
        },
      },
      p.url,
    ),

  /** To the author: a French collectivité is interested; its contact is in the mail. */
  interestToAuthor: (p: {
    lang: AuthorLanguage;
    title: string;
    collectivite: string;
    contactName: string;
    contactEmail: string;
    message: string;
    url: string;
  }) =>
    authorMail(
      p.lang,
      {
        fr: {
          subject: `${subjectOf(p.collectivite)} s'intéresse à votre demande : ${p.title}`,
          paragraphs: [
            `${subjectOf(p.collectivite)} s'intéresse à votre demande de partenariat « ${p.title} ».`,
            `Contact : ${p.contactName}, ${p.contactEmail}.`,
            ...(p.message ? [`Son message : ${p.message}`] : []),
          ],
          action: "Voir ma demande",
        },
        en: {
          subject: `${p.collectivite} is interested in your request: ${p.title}`,
          paragraphs: [
            `${p.collectivite} (France) is interested in your partnership request "${p.title}".`,
            `Contact: ${p.contactName}, ${p.contactEmail}.`,
            ...(p.message ? [`Their message: ${p.message}`] : []),
          ],
          action: "See my request",
        },
        es: {
          subject: `${p.collectivite} se interesa por su solicitud: ${p.title}`,
          paragraphs: [
            `${p.collectivite} (Francia) está interesada en su solicitud de asociación «${p.title}».`,
            `Contacto: ${p.contactName}, ${p.contactEmail}.`,
            ...(p.message ? [`Su mensaje: ${p.message}`] : []),
          ],
          action: "Ver mi solicitud",
        },
      },
      p.url,
    ),

  /** To the embassy and the DAECT: a collectivité answered a request of their scope. */
  interestToFollowers: (p: { title: string; collectivite: string; country: string; url: string }) =>
    simpleMail({
      subject: `Mise en relation – ${p.country} : ${nameWithArticle(p.collectivite)} s'intéresse à « ${p.title} »`,
      greeting: "Bonjour,",
      paragraphs: [
        `${subjectOf(p.collectivite)} a manifesté son intérêt pour la demande de partenariat « ${p.title} » (${p.country}). Les deux parties voient désormais leurs coordonnées respectives.`,
      ],
      action: { label: "Voir la demande", url: p.url },
      footer: PORTAL_MAIL_FOOTER,
    }),

  /** To the author: the partnership with a French collectivité is in the Atlas. */
  matchedToAuthor: (p: {
    lang: AuthorLanguage;
    title: string;
    collectivite: string;
    url: string;
  }) =>
    authorMail(
      p.lang,
      {
        fr: {
          subject: `Partenariat conclu avec ${nameWithArticle(p.collectivite)} : ${p.title}`,
          paragraphs: [
            `Votre demande de partenariat « ${p.title} » a abouti : le partenariat avec ${nameWithArticle(p.collectivite)} est inscrit dans l'Atlas français de la coopération décentralisée. La demande est retirée de la liste des demandes ouvertes.`,
          ],
          action: "Voir ma demande",
        },
        en: {
          subject: `Partnership agreed with ${p.collectivite}: ${p.title}`,
          paragraphs: [
            `Your partnership request "${p.title}" has succeeded: the partnership with ${p.collectivite} (France) is now recorded in the French atlas of decentralised cooperation. The request no longer appears among the open requests.`,
          ],
          action: "See my request",
        },
        es: {
          subject: `Asociación concluida con ${p.collectivite}: ${p.title}`,
          paragraphs: [
            `Su solicitud de asociación «${p.title}» ha prosperado: la asociación con ${p.collectivite} (Francia) figura ya en el atlas francés de la cooperación descentralizada. La solicitud deja de aparecer entre las solicitudes abiertas.`,
          ],
          action: "Ver mi solicitud",
        },
      },
      p.url,
    ),

  /** To the embassy and the DAECT: a request of their scope became a partnership. */
  matchedToFollowers: (p: { title: string; collectivite: string; country: string; url: string }) =>
    simpleMail({
      subject: `Partenariat conclu – ${p.country} : ${nameWithArticle(p.collectivite)} et « ${p.title} »`,
      greeting: "Bonjour,",
      paragraphs: [
        `La demande de partenariat « ${p.title} » (${p.country}) a abouti : le partenariat avec ${nameWithArticle(p.collectivite)} est inscrit dans l'Atlas.`,
      ],
      action: { label: "Voir la demande", url: p.url },
      footer: PORTAL_MAIL_FOOTER,
    }),

  expiryReminder: (p: { lang: AuthorLanguage; title: string; expiresOn: string; url: string }) =>
    authorMail(
      p.lang,
      {
        fr: {
          subject: `Votre demande expire le ${p.expiresOn} : ${p.title}`,
          paragraphs: [
            `Votre demande de partenariat « ${p.title} » sera retirée de la Bourse-partenariats le ${p.expiresOn}. Si elle est toujours d'actualité, prolongez-la de douze mois.`,
          ],
          action: "Prolonger ma demande",
        },
        en: {
          subject: `Your request expires on ${p.expiresOn}: ${p.title}`,
          paragraphs: [
            `Your partnership request "${p.title}" will be removed from the Bourse-partenariats on ${p.expiresOn}. If it is still relevant, renew it for twelve months.`,
          ],
          action: "Renew my request",
        },
        es: {
          subject: `Su solicitud vence el ${p.expiresOn}: ${p.title}`,
          paragraphs: [
            `Su solicitud de asociación «${p.title}» se retirará de la Bourse-partenariats el ${p.expiresOn}. Si sigue vigente, prorróguela doce meses.`,
          ],
          action: "Prorrogar mi solicitud",
        },
      },
      p.url,
    ),
};

/** Mails of the offers' workflow, all in French (French public bodies). */
export const offerMails = {
  received: (p: { title: string; collectivite: string; url: string }) =>
    frenchMail(
      `Nouvelle offre de partenariat ${ofName(p.collectivite)} : ${p.title}`,
      [
        `${subjectOf(p.collectivite)} a transmis une offre de partenariat sur la Bourse-partenariats : « ${p.title} ».`,
        "Demandez l'avis de la préfecture de région et des ambassades des pays visés, puis décidez de sa diffusion.",
      ],
      { label: "Voir l'offre", url: p.url },
    ),
  decided: (p: { title: string; published: boolean; comment: string; url: string }) =>
    frenchMail(
      p.published
        ? `Votre offre est diffusée sur la Bourse-partenariats : ${p.title}`
        : `Votre offre n'est pas diffusée : ${p.title}`,
      [
        p.published
          ? `Après avis de la préfecture de région et des ambassades concernées, la DAECT diffuse votre offre « ${p.title} » sur la Bourse-partenariats pour douze mois.`
          : `Après avis de la préfecture de région et des ambassades concernées, la DAECT ne diffuse pas votre offre « ${p.title} ».`,
        ...(p.comment ? [`Commentaire de la DAECT : ${p.comment}`] : []),
      ],
      { label: "Voir l'offre", url: p.url },
    ),
};
