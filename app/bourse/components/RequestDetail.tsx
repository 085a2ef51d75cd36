import { type HistoryRow, WorkflowHistory } from "../../platform/components/WorkflowHistory";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import type { ReactNode } from "react";
import {
  requestLanguageInSentence,
  type requestStatusLabels,
} from "../../../src/modules/bourse/codes";
import { type BourseKey, bourseTexts } from "../../../src/modules/bourse/texts/index";
import type { PageLanguage } from "../../../src/platform/i18n/languages";
import type { FormFailure } from "../../platform/http.server";
import { formatDateIn, formatEuros } from "../../platform/format";
import { CsrfField } from "../../platform/components/CsrfField";
import { TrailBreadcrumb } from "../../platform/components/TrailBreadcrumb";
import { ActionForm, ActionOutcome } from "../../platform/components/ActionForm";
import { FactList } from "../../platform/components/FactList";
import { SelectField, TextAreaField } from "../../platform/components/FormFields";

/** What the request page receives from `requestView` (dates as strings once serialised). */
export interface RequestDetailView {
  request: {
    id: number;
    status: keyof typeof requestStatusLabels;
    title: string;
    description: string;
    /** The language the author wrote the request in. */
    formLanguage: string;
    authorityName: string;
    authorityKind: string;
    country: string;
    cityName: string;
    themes: string[];
    partnerKind: string;
    partnerSize: string;
    expertise: string;
    budgetCents: number | null;
    languages: string[];
    publishedAt: string | Date | null;
    expiresAt: string | Date | null;
    infoRequest: string;
    declineReason: string;
    version: number;
  };
  contact: {
    contactName: string;
    contactFunction: string;
    contactEmail: string;
    contactPhone: string;
  } | null;
  attachments: { id: number; fileName: string; mediaType: string; byteSize: number }[];
  interests: {
    id: number;
    collectivite: string;
    contact_name: string;
    contact_email: string;
    message: string;
    created_at: string | Date;
  }[];
  interestCount: number;
  matchedWith: { id: number; name: string } | null;
  /** The steps of the request, for its author and those who triage it. */
  history: HistoryRow[];
  abilities: {
    matchWith: { id: number; name: string }[];
    author: boolean;
    submit: boolean;
    resubmit: boolean;
    renew: boolean;
    close: boolean;
    triage: boolean;
    interestFor: { id: number; name: string }[];
  };
}

/** A partnership request with what its reader may see and do. */
export function RequestDetail(props: {
  view: RequestDetailView;
  /** The reader's language: the author's own on its pages, French for everyone else. */
  lang: PageLanguage;
  csrfToken: string;
  failure: FormFailure | undefined;
  success: string | undefined;
  /** Where attachments are downloaded from, when the reader may. */
  attachmentBase: string | null;
  /** The author's edit form, when the request can still be changed. */
  editForm?: ReactNode;
  /** The French collectivités likely to answer, for the author and the triagers. */
  suggestions?: ReactNode;
}) {
  const { request, contact, abilities } = props.view;
  const { lang } = props;
  const t = bourseTexts(lang);
  const option = (list: string, code: string) => t(`options.${list}.${code}` as BourseKey);
  const failed = (intent: string) =>
    props.failure?.values.intent === intent ? props.failure : undefined;
  // What the author typed keeps its language; the rest reads in the reader's.
  const written = request.formLanguage !== lang ? request.formLanguage : undefined;
  const facts: [string, ReactNode][] = [
    [
      t("detail.authority"),
      <span key="authority">
        <span lang={written}>{request.authorityName}</span> (
        {option("authorityKinds", request.authorityKind)})
      </span>,
    ],
    [t("detail.place"), `${request.cityName}, ${request.country}`],
    [t("detail.themes"), request.themes.map((theme) => option("themes", theme)).join(", ")],
    [
      t("detail.partner"),
      t("detail.partnerValue", {
        kind: option("partnerKinds", request.partnerKind),
        size: option("partnerSizes", request.partnerSize).toLocaleLowerCase(lang),
      }),
    ],
    [
      t("detail.budget"),
      request.budgetCents === null ? t("detail.budgetUnknown") : formatEuros(request.budgetCents),
    ],
    [t("detail.languages"), request.languages.map((code) => option("languages", code)).join(", ")],
  ];
  if (request.expertise)
    facts.push([
      t("detail.expertise"),
      <span key="expertise" lang={written}>
        {request.expertise}
      </span>,
    ]);
  if (request.publishedAt)
    facts.push([t("detail.publishedOn"), formatDateIn(lang, request.publishedAt, "longDate")]);
  if (request.expiresAt && (request.status === "published" || request.status === "in_contact"))
    facts.push([t("detail.publishedUntil"), formatDateIn(lang, request.expiresAt, "longDate")]);
  return (
    <>
      <TrailBreadcrumb
        trail={[{ label: t("pages.suffix"), href: "/bourse" }]}
        current={{ label: request.title, href: `/bourse/demandes/${request.id}` }}
      />
      <h1 lang={written}>{request.title}</h1>
      <p>
        <Badge
          severity={
            request.status === "declined"
              ? "error"
              : request.status === "published" ||
                  request.status === "in_contact" ||
                  request.status === "matched"
                ? "success"
                : "info"
          }
        >
          {option("statuses", request.status)}
        </Badge>{" "}
        {props.view.interestCount > 0 ? (
          <Badge>{t("detail.interested", { count: props.view.interestCount })}</Badge>
        ) : null}
      </p>
      <ActionOutcome success={props.success} failure={props.failure} />
      {request.status === "under_review" && request.infoRequest ? (
        <Alert
          severity="warning"
          title={t("detail.infoRequested")}
          description={<span lang="fr">{request.infoRequest}</span>}
          className="fr-mb-3w"
        />
      ) : null}
      {props.view.matchedWith ? (
        <Alert
          severity="success"
          title={t("detail.matched")}
          description={
            <>
              {t("detail.matchedText")}{" "}
              <a href={`/atlas/collectivites/${props.view.matchedWith.id}`} lang="fr">
                {props.view.matchedWith.name}
              </a>
            </>
          }
          className="fr-mb-3w"
        />
      ) : null}
      {request.status === "declined" && request.declineReason ? (
        <Alert
          severity="error"
          title={t("detail.declined")}
          description={<span lang="fr">{request.declineReason}</span>}
          className="fr-mb-3w"
        />
      ) : null}
      <FactList facts={facts} className="bourse-facts" />
      <h2>{t("detail.project")}</h2>
      {written && lang === "fr" ? (
        <p className="fr-text--sm">
          {`Texte original de l'auteur, rédigé en ${requestLanguageInSentence(request.formLanguage)} ; les autres informations de la demande sont traduites en français.`}
        </p>
      ) : null}
      <p className="bourse-description" lang={written}>
        {request.description}
      </p>

      {contact ? (
        <section aria-labelledby="contact-titre">
          <h2 id="contact-titre">{t("detail.contact")}</h2>
          <p translate="no">
            {contact.contactName}
            {contact.contactFunction ? `, ${contact.contactFunction}` : ""} –{" "}
            <a href={`mailto:${contact.contactEmail}`}>{contact.contactEmail}</a>
            {contact.contactPhone ? ` – ${contact.contactPhone}` : ""}
          </p>
          {props.view.attachments.length > 0 ? (
            <ul>
              {props.view.attachments.map((file) => (
                <li key={file.id}>
                  {props.attachmentBase ? (
                    <a href={`${props.attachmentBase}/${file.id}`} download>
                      {file.fileName}
                    </a>
                  ) : (
                    file.fileName
                  )}{" "}
                  ({t("detail.sizeKb", { size: Math.max(1, Math.round(file.byteSize / 1024)) })})
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : request.status === "published" || request.status === "in_contact" ? (
        <p className="fr-text--sm">{t("detail.contactShared")}</p>
      ) : null}

      {props.view.interests.length > 0 ? (
        <section aria-labelledby="interets-titre">
          <h2 id="interets-titre">{t("detail.interests")}</h2>
          <ul>
            {props.view.interests.map((interest) => (
              <li key={interest.id}>
                <span translate="no">
                  <strong>{interest.collectivite}</strong> – {interest.contact_name},{" "}
                  <a href={`mailto:${interest.contact_email}`}>{interest.contact_email}</a>
                </span>{" "}
                ({formatDateIn(lang, interest.created_at, "longDate")})
                {interest.message ? (
                  <p className="fr-text--sm" lang="fr">
                    {interest.message}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {abilities.interestFor.length > 0 ? (
        <section aria-labelledby="interet-titre">
          <h2 id="interet-titre">Votre collectivité est intéressée ?</h2>
          <p>
            L'autorité, l'ambassade et la DAECT en sont informées ; vous recevez les coordonnées de
            l'autorité.
          </p>
          <ActionForm
            csrfToken={props.csrfToken}
            intent="interest"
            version={request.version}
            label="Manifester notre intérêt"
          >
            {abilities.interestFor.length > 1 ? (
              <SelectField
                name="collectiviteId"
                label="Au nom de"
                options={abilities.interestFor.map((c) => [String(c.id), c.name])}
                value=""
                failure={failed("interest")}
              />
            ) : (
              <input type="hidden" name="collectiviteId" value={abilities.interestFor[0].id} />
            )}
            <TextAreaField
              name="message"
              label="Message à l'autorité (facultatif)"
              failure={failed("interest")}
              rows={3}
            />
          </ActionForm>
        </section>
      ) : null}

      {props.suggestions}

      {abilities.matchWith.length > 0 ? (
        <section aria-labelledby="partenariat-titre">
          <h2 id="partenariat-titre">Le partenariat est décidé ?</h2>
          <p>
            Enregistrez-le dans l'Atlas à partir de cette demande : l'autorité, le pays et la ville
            sont repris, vous les vérifiez avant d'enregistrer.
          </p>
          <ul className="fr-btns-group fr-btns-group--inline">
            {abilities.matchWith.map((collectivite) => (
              <li key={collectivite.id}>
                <a
                  className="fr-btn fr-btn--secondary"
                  href={`/bourse/demandes/${request.id}/partenariat?collectivite=${collectivite.id}`}
                >
                  {abilities.matchWith.length > 1
                    ? `Conclure avec ${collectivite.name}`
                    : "Conclure le partenariat"}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {abilities.triage ? (
        <section aria-labelledby="examen-titre">
          <h2 id="examen-titre">Examen de la demande</h2>
          <form method="post" noValidate>
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="intent" value="triage" />
            <input type="hidden" name="version" value={request.version} />
            <RadioButtons
              legend="Décision"
              name="decision"
              state={failed("triage")?.fieldErrors.decision ? "error" : "default"}
              stateRelatedMessage={failed("triage")?.fieldErrors.decision}
              options={[
                {
                  label: "Publier sur la Bourse pour douze mois",
                  nativeInputProps: { value: "publish" },
                },
                {
                  label: "Demander un complément à l'auteur",
                  nativeInputProps: { value: "information" },
                },
                { label: "Refuser la demande", nativeInputProps: { value: "decline" } },
              ]}
            />
            <TextAreaField
              name="message"
              label="Message à l'auteur (complément attendu ou motif du refus)"
              failure={failed("triage")}
            />
            <Button type="submit">Enregistrer la décision</Button>
          </form>
        </section>
      ) : null}

      {abilities.author ? (
        <section aria-labelledby="auteur-titre">
          <h2 id="auteur-titre">{t("detail.yours")}</h2>
          {abilities.submit ? (
            <ActionForm
              csrfToken={props.csrfToken}
              intent="submit"
              version={request.version}
              label={t("detail.submit")}
            />
          ) : null}
          {props.editForm}
          {abilities.resubmit ? (
            <ActionForm
              csrfToken={props.csrfToken}
              intent="resubmit"
              version={request.version}
              label={t("detail.resubmit")}
            />
          ) : null}
          {abilities.renew ? (
            <ActionForm
              csrfToken={props.csrfToken}
              intent="renew"
              version={request.version}
              label={t("detail.renew")}
              secondary
            />
          ) : null}
          {abilities.close ? (
            <ActionForm
              csrfToken={props.csrfToken}
              intent="close"
              version={request.version}
              label={t("detail.close")}
              secondary
            >
              <TextAreaField
                name="reason"
                label={t("detail.closeReason")}
                failure={failed("close")}
                rows={2}
              />
            </ActionForm>
          ) : null}
        </section>
      ) : null}
      <WorkflowHistory history={props.view.history} id="historique-demande" />
    </>
  );
}
