import { PORTAL_MAIL_FOOTER, simpleMail } from "../mail/outbox";
import type { ConsultationKind, ConsultedSubject } from "./kind";

const frenchMail = (subject: string, paragraphs: string[], label: string, url: string) =>
  simpleMail({
    subject,
    greeting: "Bonjour,",
    paragraphs,
    action: { label, url },
    footer: PORTAL_MAIL_FOOTER,
  });

type About = { kind: ConsultationKind; subject: ConsultedSubject; url: string };

/** The mails of every consultation, in French (they go to French public services). */
export const consultationMails = {
  requested: ({ kind, subject, url }: About, p: { asker: string; dueOn: string }) =>
    frenchMail(
      `Avis demandé avant le ${p.dueOn} – ${kind.noun} de ${subject.from}`,
      [
        `${p.asker} sollicite votre avis motivé sur ${kind.theNoun} « ${subject.title} » de ${subject.from}, avant le ${p.dueOn}.`,
        "Tout agent habilité de votre service peut le rendre. Passé cette date, la décision pourra être prise sans votre avis.",
      ],
      "Donner mon avis",
      url,
    ),
  reminder: ({ kind, subject, url }: About, p: { dueOn: string }) =>
    frenchMail(
      `Rappel : avis attendu avant le ${p.dueOn} – ${kind.noun} de ${subject.from}`,
      [
        `Votre avis sur ${kind.theNoun} « ${subject.title} » de ${subject.from} est attendu avant le ${p.dueOn} et n'a pas encore été rendu.`,
      ],
      "Donner mon avis",
      url,
    ),
  given: ({ subject, url }: About, p: { organisation: string; verdict: string }) =>
    frenchMail(
      `Avis ${p.verdict.toLowerCase()} de ${p.organisation} sur « ${subject.title} »`,
      [`${p.organisation} a rendu un avis ${p.verdict.toLowerCase()} sur « ${subject.title} ».`],
      "Voir les avis",
      url,
    ),
  overdue: ({ kind, subject, url }: About, p: { missing: string[] }) =>
    frenchMail(
      `Avis manquants à la date limite – ${kind.noun} « ${subject.title} »`,
      [
        `La date limite des avis sur ${kind.theNoun} « ${subject.title} » est passée. Avis non rendus : ${p.missing.join(", ")}.`,
        "Vous pouvez décider avec les avis reçus, ou retirer les demandes restées sans réponse.",
      ],
      "Voir les avis",
      url,
    ),
  revoked: ({ kind, subject, url }: About, p: { reason: string }) =>
    frenchMail(
      `Demande d'avis retirée – ${kind.noun} « ${subject.title} »`,
      [
        `Votre avis sur ${kind.theNoun} « ${subject.title} » de ${subject.from} n'est plus demandé.`,
        ...(p.reason ? [`Motif : ${p.reason}`] : []),
      ],
      "Voir la page",
      url,
    ),
};
