import type { PageLanguage } from "../../platform/i18n/languages";
import type { Values } from "../../platform/i18n/translator";
import { frenchMail, mailIn } from "../../platform/mail/outbox";
import { sentenceCase } from "../../platform/french/counts";
import { nameWithArticle, ofName } from "../../platform/french/place-names";
import { bourseTexts } from "./texts/index";
import type { fr } from "./texts/fr";

/** A body named at the start of a sentence: "La Région Bretagne", "Rennes". */
const subjectOf = (name: string) => sentenceCase(nameWithArticle(name));

/** Languages in which a foreign author reads its mails: the form's, the portal's pages'. */
type AuthorLanguage = PageLanguage;
type AuthorMail = keyof (typeof fr)["mails"];

/**
 * A mail to a request's author, in the language the author used, from the Bourse's
 * dictionaries; `extra` paragraphs (already in that language) follow the body.
 */
function authorMail(
  lang: AuthorLanguage,
  mail: AuthorMail,
  values: Values & { url: string },
  extra: string[] = [],
) {
  const t = bourseTexts(lang);
  return mailIn(
    lang,
    t(`mails.${mail}.subject`, values),
    [...t(`mails.${mail}.body`, values).split("\n\n"), ...extra],
    { label: t(`mails.${mail}.action`), url: values.url },
  );
}

/** Mails of the Bourse-partenariats; each is documented in docs/mails/. */
export const bourseMails = {
  /**
   * The first mail to an address only asks to confirm it: nothing typed in the public form
   * (title, names) is in it, so the form cannot carry a stranger's words to anybody's mailbox.
   */
  confirmAddress: (p: { lang: AuthorLanguage; url: string }) =>
    authorMail(p.lang, "confirmAddress", p),

  /** To an author without an account who asked for a new private link to its request. */
  newFollowLink: (p: { lang: AuthorLanguage; title: string; url: string }) =>
    authorMail(p.lang, "newFollowLink", p),

  /** To the embassy of the country and to the DAECT, when a request arrives or comes back. */
  requestToTriage: (p: {
    title: string;
    authority: string;
    country: string;
    city: string;
    resubmitted: boolean;
    url: string;
  }) =>
    frenchMail(
      `${p.resubmitted ? "Demande complétée" : "Nouvelle demande"} de partenariat – ${p.country} : ${p.title}`,
      [
        p.resubmitted
          ? `${subjectOf(p.authority)} (${p.city}, ${p.country}) a complété sa demande de partenariat « ${p.title} » comme vous l'aviez demandé.`
          : `${subjectOf(p.authority)} (${p.city}, ${p.country}) a déposé une demande de partenariat sur la Bourse-partenariats : « ${p.title} ».`,
        "Examinez-la : publiez-la sur la Bourse, demandez un complément à son auteur, ou refusez-la en indiquant le motif.",
      ],
      { label: "Examiner la demande", url: p.url },
    ),

  published: (p: { lang: AuthorLanguage; title: string; expiresOn: string; url: string }) =>
    authorMail(p.lang, "published", p),

  informationRequested: (p: {
    lang: AuthorLanguage;
    title: string;
    message: string;
    url: string;
  }) => authorMail(p.lang, "informationRequested", p),

  declined: (p: { lang: AuthorLanguage; title: string; reason: string; url: string }) =>
    authorMail(p.lang, "declined", p),

  /** To the author: a French collectivité is interested; its contact is in the mail. */
  interestToAuthor: (p: {
    lang: AuthorLanguage;
    title: string;
    collectivite: string;
    contactName: string;
    contactEmail: string;
    message: string;
    url: string;
  }) => {
    // French names the body with its article ("La Région Bretagne"); the others as it is.
    const values = {
      ...p,
      collectivite: p.lang === "fr" ? subjectOf(p.collectivite) : p.collectivite,
    };
    const message = p.message
      ? [bourseTexts(p.lang)("mails.interestToAuthor.message", values)]
      : [];
    return authorMail(p.lang, "interestToAuthor", values, message);
  },

  /** To the embassy and the DAECT: a collectivité answered a request of their scope. */
  interestToFollowers: (p: { title: string; collectivite: string; country: string; url: string }) =>
    frenchMail(
      `Mise en relation – ${p.country} : ${nameWithArticle(p.collectivite)} s'intéresse à « ${p.title} »`,
      [
        `${subjectOf(p.collectivite)} a manifesté son intérêt pour la demande de partenariat « ${p.title} » (${p.country}). Les deux parties voient désormais leurs coordonnées respectives.`,
      ],
      { label: "Voir la demande", url: p.url },
    ),

  /** To the author: the partnership with a French collectivité is in the Atlas. */
  matchedToAuthor: (p: {
    lang: AuthorLanguage;
    title: string;
    collectivite: string;
    url: string;
  }) =>
    authorMail(p.lang, "matchedToAuthor", {
      ...p,
      collectivite: p.lang === "fr" ? nameWithArticle(p.collectivite) : p.collectivite,
    }),

  /** To the embassy and the DAECT: a request of their scope became a partnership. */
  matchedToFollowers: (p: { title: string; collectivite: string; country: string; url: string }) =>
    frenchMail(
      `Partenariat conclu – ${p.country} : ${nameWithArticle(p.collectivite)} et « ${p.title} »`,
      [
        `La demande de partenariat « ${p.title} » (${p.country}) a abouti : le partenariat avec ${nameWithArticle(p.collectivite)} est inscrit dans l'Atlas.`,
      ],
      { label: "Voir la demande", url: p.url },
    ),

  expiryReminder: (p: { lang: AuthorLanguage; title: string; expiresOn: string; url: string }) =>
    authorMail(p.lang, "expiryReminder", p),
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
