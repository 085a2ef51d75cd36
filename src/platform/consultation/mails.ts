import { sentenceCase } from "../french/counts";
import { nameWithArticle, ofName } from "../french/place-names";
import { frenchMail } from "../mail/outbox";
import type { ConsultationKind, ConsultedSubject } from "./kind";

type About = { kind: ConsultationKind; subject: ConsultedSubject; url: string };

/** The mails of every consultation, in French (they go to French public services). */
export const consultationMails = {
  requested: ({ kind, subject, url }: About, p: { asker: string; dueOn: string }) =>
    frenchMail(
      `Avis demandé avant le ${p.dueOn} – ${kind.noun} ${ofName(subject.from)}`,
      [
        `${sentenceCase(nameWithArticle(p.asker))} sollicite votre avis motivé sur ${kind.theNoun} « ${subject.title} » ${ofName(subject.from)}, avant le ${p.dueOn}.`,
        "Tout agent habilité de votre service peut le rendre. Passé cette date, la décision pourra être prise sans votre avis.",
      ],
      { label: "Donner mon avis", url },
    ),
  reminder: ({ kind, subject, url }: About, p: { dueOn: string }) =>
    frenchMail(
      `Rappel : avis attendu avant le ${p.dueOn} – ${kind.noun} ${ofName(subject.from)}`,
      [
        `Votre avis sur ${kind.theNoun} « ${subject.title} » ${ofName(subject.from)} est attendu avant le ${p.dueOn} et n'a pas encore été rendu.`,
      ],
      { label: "Donner mon avis", url },
    ),
  given: ({ subject, url }: About, p: { organisation: string; verdict: string }) =>
    frenchMail(
      `Avis ${p.verdict.toLowerCase()} ${ofName(p.organisation)} sur « ${subject.title} »`,
      [
        `${sentenceCase(nameWithArticle(p.organisation))} a rendu un avis ${p.verdict.toLowerCase()} sur « ${subject.title} ».`,
      ],
      { label: "Voir les avis", url },
    ),
  overdue: ({ kind, subject, url }: About, p: { missing: string[] }) =>
    frenchMail(
      `Avis manquants à la date limite – ${kind.noun} « ${subject.title} »`,
      [
        `La date limite des avis sur ${kind.theNoun} « ${subject.title} » est passée. Avis non rendus : ${p.missing.join(", ")}.`,
        "Vous pouvez décider avec les avis reçus, ou retirer les demandes restées sans réponse.",
      ],
      { label: "Voir les avis", url },
    ),
  revoked: ({ kind, subject, url }: About, p: { reason: string }) =>
    frenchMail(
      `Demande d'avis retirée – ${kind.noun} « ${subject.title} »`,
      [
        `Votre avis sur ${kind.theNoun} « ${subject.title} » ${ofName(subject.from)} n'est plus demandé.`,
        ...(p.reason ? [`Motif : ${p.reason}`] : []),
      ],
      { label: "Voir la page", url },
    ),
};
