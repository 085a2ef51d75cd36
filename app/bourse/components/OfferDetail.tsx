import { type HistoryRow, WorkflowHistory } from "../../platform/components/WorkflowHistory";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import type { ReactNode } from "react";
import { offerStatusLabels } from "../../../src/modules/bourse/codes";
import type { OpinionView } from "../../../src/platform/consultation/read";
import { AskOpinionsFields, OpinionForm, OpinionsTable } from "../../platform/components/Opinions";
import type { FormFailure } from "../../platform/http.server";
import { formatDate } from "../../platform/format";
import { CsrfField } from "../../platform/components/CsrfField";
import { TrailBreadcrumb } from "../../platform/components/TrailBreadcrumb";
import { TextAreaField } from "../../platform/components/FormFields";
import { ActionForm, ActionOutcome } from "../../platform/components/ActionForm";
import { FactList } from "../../platform/components/FactList";

type Day = string | Date | null;

/** What the offer page receives from `offerView` (dates as strings once serialised). */
export interface OfferDetailView {
  offer: {
    id: number;
    status: keyof typeof offerStatusLabels;
    title: string;
    summary: string;
    themes: string[];
    experience: string;
    collectiviteId: number;
    collectivite: string;
    countries: { code: string; name: string }[];
    submittedAt: Day;
    opinionsDueOn: string | null;
    decisionComment: string;
    decidedAt: Day;
    publishedAt: Day;
    expiresAt: Day;
    version: number;
  };
  contact: { contactName: string; contactEmail: string } | null;
  opinions: OpinionView[];
  abilities: {
    owner: boolean;
    submit: boolean;
    close: boolean;
    requestOpinions: boolean;
    giveOpinion: { organisation: string; given: boolean } | null;
    revokeOpinion: boolean;
    decide: boolean;
    decisionBlocker: string | null;
  };
  /** The steps of the offer, for its collectivité and the DAECT. */
  history: HistoryRow[];
}

const badgeSeverity = (status: OfferDetailView["offer"]["status"]) =>
  status === "published" ? "success" : status === "not_published" ? "error" : "info";

/** A French collectivité's offer, with what its reader may see and do at its step. */
export function OfferDetail(props: {
  view: OfferDetailView;
  themeNames: Record<string, string>;
  csrfToken: string;
  failure: FormFailure | undefined;
  success: string | undefined;
  /** The owner's edit form, while the offer is a draft. */
  editForm?: ReactNode;
}) {
  const { offer, contact, abilities, opinions } = props.view;
  const failed = (intent: string) =>
    props.failure?.values.intent === intent ? props.failure : undefined;
  const facts: [string, ReactNode][] = [
    [
      "Collectivité",
      <a key="c" href={`/atlas/collectivites/${offer.collectiviteId}`}>
        {offer.collectivite}
      </a>,
    ],
    ["Thématiques", offer.themes.map((theme) => props.themeNames[theme] ?? theme).join(", ")],
    ["Pays visés", offer.countries.map((country) => country.name).join(", ")],
  ];
  if (offer.submittedAt && abilities.owner)
    facts.push(["Transmise le", formatDate(offer.submittedAt, "longDate")]);
  if (offer.opinionsDueOn && (opinions.length > 0 || abilities.requestOpinions))
    facts.push(["Avis attendus au plus tard le", formatDate(offer.opinionsDueOn, "longDate")]);
  if (offer.publishedAt) facts.push(["Diffusée le", formatDate(offer.publishedAt, "longDate")]);
  if (offer.expiresAt && offer.status === "published")
    facts.push(["Diffusée jusqu'au", formatDate(offer.expiresAt, "longDate")]);
  return (
    <>
      <TrailBreadcrumb
        trail={[{ label: "Bourse-partenariats", href: "/bourse#offres" }]}
        current={{ label: offer.title, href: `/bourse/offres/${offer.id}` }}
      />
      <p className="fr-mb-1w">Offre de partenariat d'une collectivité française</p>
      <h1>{offer.title}</h1>
      <p>
        <Badge severity={badgeSeverity(offer.status)}>{offerStatusLabels[offer.status]}</Badge>
      </p>
      <ActionOutcome success={props.success} failure={props.failure} />
      {offer.decisionComment ? (
        <Alert
          severity={offer.status === "not_published" ? "warning" : "info"}
          title={offer.status === "not_published" ? "Offre non diffusée" : "Message de la DAECT"}
          description={offer.decisionComment}
          className="fr-mb-3w"
        />
      ) : null}
      <FactList facts={facts} />
      <h2>Ce que la collectivité propose</h2>
      <p className="bourse-description">{offer.summary}</p>
      {offer.experience ? (
        <>
          <h2>Expérience</h2>
          <p className="bourse-description">{offer.experience}</p>
        </>
      ) : null}
      {contact ? (
        <section aria-labelledby="contact-titre">
          <h2 id="contact-titre">Contact</h2>
          <p>
            {contact.contactName} –{" "}
            <a href={`mailto:${contact.contactEmail}`}>{contact.contactEmail}</a>
          </p>
        </section>
      ) : offer.status === "published" ? (
        <p className="fr-text--sm">
          Le contact de la collectivité est communiqué aux personnes connectées au portail.{" "}
          <a href={`/connexion?retour=/bourse/offres/${offer.id}`}>Se connecter</a>
        </p>
      ) : null}

      {opinions.length > 0 ? (
        <section aria-labelledby="avis-titre">
          <h2 id="avis-titre">Avis</h2>
          <OpinionsTable
            opinions={opinions}
            caption="Avis demandés sur l'offre"
            revoke={
              abilities.revokeOpinion
                ? { csrfToken: props.csrfToken, intent: "revoke-opinion" }
                : undefined
            }
          />
        </section>
      ) : null}

      {abilities.giveOpinion ? (
        <section aria-labelledby="mon-avis-titre">
          <h2 id="mon-avis-titre">
            {abilities.giveOpinion.given ? "Modifier l'avis" : "Votre avis"} –{" "}
            {abilities.giveOpinion.organisation}
          </h2>
          <OpinionForm csrfToken={props.csrfToken} intent="opinion" failure={failed("opinion")} />
        </section>
      ) : null}

      {abilities.requestOpinions ? (
        <section aria-labelledby="demande-avis-titre">
          <h2 id="demande-avis-titre">Demander les avis</h2>
          <p>
            La préfecture de la région de la collectivité et l'ambassade de France de chaque pays
            visé reçoivent un courriel et rendent un avis motivé avant la date choisie.
          </p>
          <ActionForm
            csrfToken={props.csrfToken}
            intent="opinions"
            version={offer.version}
            label="Demander les avis"
          >
            <AskOpinionsFields failure={failed("opinions")} />
          </ActionForm>
        </section>
      ) : null}

      {abilities.decide ? (
        <section aria-labelledby="decision-titre">
          <h2 id="decision-titre">Décision de la DAECT</h2>
          {abilities.decisionBlocker ? (
            <Alert
              severity="info"
              small
              description={abilities.decisionBlocker}
              className="fr-mb-2w"
            />
          ) : null}
          <form method="post" noValidate>
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="intent" value="decide" />
            <input type="hidden" name="version" value={offer.version} />
            <RadioButtons
              legend="Décision"
              name="decision"
              state={failed("decide")?.fieldErrors.decision ? "error" : "default"}
              stateRelatedMessage={failed("decide")?.fieldErrors.decision}
              options={[
                {
                  label: "Diffuser l'offre sur la Bourse pour douze mois",
                  nativeInputProps: {
                    value: "publish",
                    defaultChecked: failed("decide")?.values.decision === "publish",
                  },
                },
                {
                  label: "Ne pas diffuser l'offre",
                  nativeInputProps: {
                    value: "reject",
                    defaultChecked: failed("decide")?.values.decision === "reject",
                  },
                },
              ]}
            />
            <TextAreaField
              name="comment"
              label="Message à la collectivité (obligatoire si l'offre n'est pas diffusée)"
              failure={failed("decide")}
            />
            <Button type="submit">Enregistrer la décision</Button>
          </form>
        </section>
      ) : null}

      {abilities.owner || abilities.close ? (
        <section aria-labelledby="gestion-titre">
          <h2 id="gestion-titre">{abilities.owner ? "Votre offre" : "Gestion de l'offre"}</h2>
          {props.editForm}
          {abilities.submit ? (
            <ActionForm
              csrfToken={props.csrfToken}
              intent="submit"
              version={offer.version}
              label="Transmettre l'offre à la DAECT"
            />
          ) : null}
          {abilities.close ? (
            <ActionForm
              csrfToken={props.csrfToken}
              intent="close"
              version={offer.version}
              label={abilities.owner ? "Retirer l'offre" : "Clore l'offre"}
              secondary
            />
          ) : null}
        </section>
      ) : null}
      <WorkflowHistory history={props.view.history} id="historique-offre" />
    </>
  );
}
