import { PORTAL_MAIL_FOOTER, simpleMail } from "../../platform/mail/outbox";
import { frenchEuros, longDate } from "../../platform/french-format";
import { countOf, sentenceCase } from "../../platform/french/counts";
import { nameWithArticle, ofName } from "../../platform/french/place-names";

/** Mails of the e-APD declaration; each is documented in docs/mails/. */
export const apdMails = {
  campaignOpened: (p: {
    year: number;
    collectivite: string;
    opensOn: string;
    closesOn: string;
    message: string;
    action: { label: string; url: string };
    notice: string | null;
  }) =>
    simpleMail({
      subject: `Déclaration de l'aide publique au développement ${p.year} : ${p.collectivite}`,
      greeting: "Bonjour,",
      paragraphs: [
        `La campagne de déclaration de l'aide publique au développement (APD) des collectivités territoriales pour les dépenses de ${p.year} est ouverte du ${longDate(p.opensOn)} au ${longDate(p.closesOn)}.`,
        "Cette déclaration est une obligation légale (article L.1115-6 du code général des collectivités territoriales). Elle alimente la déclaration de la France au Comité d'aide au développement de l'OCDE et conditionne les cofinancements du ministère.",
        ...(p.message ? [p.message] : []),
        `Si ${nameWithArticle(p.collectivite)} n'a engagé aucune dépense d'aide au développement en ${p.year}, une « déclaration néant » suffit.`,
        ...(p.notice ? [p.notice] : []),
      ],
      action: p.action,
      footer: PORTAL_MAIL_FOOTER,
    }),
  reminder: (p: {
    year: number;
    collectivite: string;
    closesOn: string;
    action: { label: string; url: string };
    notice: string | null;
  }) =>
    simpleMail({
      subject: `Rappel – déclaration de l'APD ${p.year} : ${p.collectivite}`,
      greeting: "Bonjour,",
      paragraphs: [
        `${sentenceCase(nameWithArticle(p.collectivite))} n'a pas encore transmis sa déclaration d'aide publique au développement pour ${p.year}.`,
        `La date limite est le ${longDate(p.closesOn)}. Une déclaration transmise après cette date reste acceptée mais est signalée en retard.`,
        ...(p.notice ? [p.notice] : []),
      ],
      action: p.action,
      footer: PORTAL_MAIL_FOOTER,
    }),
  receipt: (p: {
    year: number;
    collectivite: string;
    reference: string;
    number: number;
    isNil: boolean;
    totalCents: number;
    lineCount: number;
    late: boolean;
    url: string;
  }) =>
    simpleMail({
      subject: `Accusé de réception – déclaration APD ${p.year} ${ofName(p.collectivite)} (${p.reference})`,
      greeting: "Bonjour,",
      paragraphs: [
        `La déclaration d'aide publique au développement ${p.year} ${ofName(p.collectivite)} a bien été reçue (version ${p.number}, référence ${p.reference}).`,
        p.isNil
          ? "Il s'agit d'une déclaration néant : aucune dépense d'aide au développement n'est déclarée."
          : `Elle compte ${countOf(p.lineCount, "ligne", "lignes", "f")} pour un total de ${frenchEuros(p.totalCents)}.`,
        ...(p.late
          ? [
              "Elle a été transmise après la date limite : elle est acceptée mais signalée en retard.",
            ]
          : []),
        "L'accusé de réception détaillé est joint à ce message au format PDF. La DAECT examinera la déclaration et vous informera si une correction est nécessaire.",
      ],
      action: { label: "Voir la déclaration", url: p.url },
      footer: PORTAL_MAIL_FOOTER,
    }),
  returned: (p: { year: number; collectivite: string; comment: string; url: string }) =>
    simpleMail({
      subject: `Déclaration APD ${p.year} ${ofName(p.collectivite)} : correction demandée`,
      greeting: "Bonjour,",
      paragraphs: [
        `La DAECT a examiné la déclaration d'aide publique au développement ${p.year} ${ofName(p.collectivite)} et vous la renvoie pour correction :`,
        p.comment,
        "Corrigez la déclaration puis transmettez-la à nouveau.",
      ],
      action: { label: "Corriger la déclaration", url: p.url },
      footer: PORTAL_MAIL_FOOTER,
    }),
  accepted: (p: { year: number; collectivite: string; url: string }) =>
    simpleMail({
      subject: `Déclaration APD ${p.year} ${ofName(p.collectivite)} : acceptée`,
      greeting: "Bonjour,",
      paragraphs: [
        `La DAECT a accepté la déclaration d'aide publique au développement ${p.year} ${ofName(p.collectivite)}. Merci.`,
      ],
      action: { label: "Voir la déclaration", url: p.url },
      footer: PORTAL_MAIL_FOOTER,
    }),
};
