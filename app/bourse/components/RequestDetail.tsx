import { type HistoryRow, WorkflowHistory } from "../../platform/components/WorkflowHistory";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import type { ReactNode } from "react";
import {
  partnerKindLabels,
  partnerSizeLabels,
  requestLanguageLabels,
  requestStatusLabels,
} from "../../../src/modules/bourse/codes";
import { foreignAuthorityKindLabels } from "../../../src/modules/register/codes";
import type { FormFailure } from "../../platform/http.server";
import { formatDate, formatEuros } from "../../platform/format";
import { CsrfField } from "../../platform/components/CsrfField";
import { TrailBreadcrumb } from "../../platform/components/TrailBreadcrumb";
import { ActionForm, ActionOutcome } from "../../platform/components/ActionForm";
import { FactList } from "../../platform/components/FactList";
import { SelectField, TextAreaField } from "../../platform/components/FormFields";
import { countOf, sentenceCase } from "../../platform/format";

/** What the request page receives from `requestView` (dates as strings once serialised). */
export interface RequestDetailView {
  request: {
    id: number;
    status: keyof typeof requestStatusLabels;
    title: string;
    description: string;
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
  themeNames: Record<string, string>;
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
  const failed = (intent: string) =>
    props.failure?.values.intent === intent ? props.failure : undefined;
  const facts: [string, ReactNode][] = [
    [
      "Autorité locale",
      `${request.authorityName} (${foreignAuthorityKindLabels[request.authorityKind] ?? request.authorityKind})`,
    ],
    ["Lieu", `${request.cityName}, ${request.country}`],
    ["Thématiques", request.themes.map((theme) => props.themeNames[theme] ?? theme).join(", ")],
    [
      "Partenaire recherché",
      `${partnerKindLabels[request.partnerKind as "any"] ?? request.partnerKind}, ${(partnerSizeLabels[request.partnerSize as "any"] ?? request.partnerSize).toLowerCase()}`,
    ],
    [
      "Budget estimé",
      request.budgetCents === null ? "non précisé" : formatEuros(request.budgetCents),
    ],
    [
      "Langues de travail",
      request.languages.map((code) => requestLanguageLabels[code as "fr"] ?? code).join(", "),
    ],
  ];
  if (request.expertise) facts.push(["Expertise recherchée", request.expertise]);
  if (request.publishedAt) facts.push(["Publiée le", formatDate(request.publishedAt, "longDate")]);
  if (request.expiresAt && (request.status === "published" || request.status === "in_contact"))
    facts.push(["Publiée jusqu'au", formatDate(request.expiresAt, "longDate")]);
  return (
    <>
      <TrailBreadcrumb
        trail={[{ label: "Bourse-partenariats", href: "/bourse" }]}
        current={{ label: request.title, href: `/bourse/demandes/${request.id}` }}
      />
      <h1>{request.title}</h1>
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
          {requestStatusLabels[request.status]}
        </Badge>{" "}
        {props.view.interestCount > 0 ? (
          <Badge>
            {sentenceCase(
              countOf(
                props.view.interestCount,
                "collectivité intéressée",
                "collectivités intéressées",
                "f",
              ),
            )}
          </Badge>
        ) : null}
      </p>
      <ActionOutcome success={props.success} failure={props.failure} />
      {request.status === "under_review" && request.infoRequest ? (
        <Alert
          severity="warning"
          title="Complément demandé"
          description={request.infoRequest}
          className="fr-mb-3w"
        />
      ) : null}
      {props.view.matchedWith ? (
        <Alert
          severity="success"
          title="Partenariat conclu"
          description={
            <>
              Cette demande a trouvé son partenaire :{" "}
              <a href={`/atlas/collectivites/${props.view.matchedWith.id}`}>
                {props.view.matchedWith.name}
              </a>{" "}
              (fiche de l'Atlas de la coopération décentralisée).
            </>
          }
          className="fr-mb-3w"
        />
      ) : null}
      {request.status === "declined" && request.declineReason ? (
        <Alert
          severity="error"
          title="Demande refusée"
          description={request.declineReason}
          className="fr-mb-3w"
        />
      ) : null}
      <FactList facts={facts} className="bourse-facts" />
      <h2>Le projet</h2>
      <p className="bourse-description">{request.description}</p>

      {contact ? (
        <section aria-labelledby="contact-titre">
          <h2 id="contact-titre">Coordonnées</h2>
          <p>
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
                  ({Math.max(1, Math.round(file.byteSize / 1024))} Ko)
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : request.status === "published" || request.status === "in_contact" ? (
        <p className="fr-text--sm">
          Les coordonnées de l'autorité sont communiquées aux collectivités françaises qui se
          déclarent intéressées (connectées au portail).
        </p>
      ) : null}

      {props.view.interests.length > 0 ? (
        <section aria-labelledby="interets-titre">
          <h2 id="interets-titre">Collectivités intéressées</h2>
          <ul>
            {props.view.interests.map((interest) => (
              <li key={interest.id}>
                <strong>{interest.collectivite}</strong> – {interest.contact_name},{" "}
                <a href={`mailto:${interest.contact_email}`}>{interest.contact_email}</a> (
                {formatDate(interest.created_at, "longDate")})
                {interest.message ? <p className="fr-text--sm">{interest.message}</p> : null}
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
          <h2 id="auteur-titre">Votre demande</h2>
          {abilities.submit ? (
            <ActionForm
              csrfToken={props.csrfToken}
              intent="submit"
              version={request.version}
              label="Transmettre la demande à l'ambassade et à la DAECT"
            />
          ) : null}
          {props.editForm}
          {abilities.resubmit ? (
            <ActionForm
              csrfToken={props.csrfToken}
              intent="resubmit"
              version={request.version}
              label="Transmettre la demande complétée"
            />
          ) : null}
          {abilities.renew ? (
            <ActionForm
              csrfToken={props.csrfToken}
              intent="renew"
              version={request.version}
              label="Prolonger la publication de douze mois"
              secondary
            />
          ) : null}
          {abilities.close ? (
            <ActionForm
              csrfToken={props.csrfToken}
              intent="close"
              version={request.version}
              label="Retirer la demande"
              secondary
            >
              <TextAreaField
                name="reason"
                label="Motif du retrait (facultatif)"
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
