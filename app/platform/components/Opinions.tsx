import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import type { OpinionView } from "../../../src/platform/consultation/read";
import {
  MAX_OPINION_ATTACHMENT_BYTES,
  opinionVerdictLabels,
  opinionVerdicts,
  opinionVisibilities,
  opinionVisibilityLabels,
} from "../../../src/platform/consultation/verdicts";
import type { FormFailure } from "../http.server";
import { formatDate } from "../format";
import { CsrfField } from "./CsrfField";
import { DateField, TextAreaField } from "./FormFields";
import { toName } from "../format";

/** Where an opinion's attachment is downloaded (for those who may read the opinion). */
export const opinionAttachmentHref = (id: number) => `/avis/${id}/piece-jointe`;

function stateText(opinion: OpinionView) {
  switch (opinion.state) {
    case "given":
      return opinion.verdict ? opinionVerdictLabels[opinion.verdict] : "";
    case "awaited":
      return `Attendu au plus tard le ${formatDate(opinion.dueOn, "longDate")}`;
    case "closed":
      return "Non rendu";
    case "revoked":
      return "Demande retirée";
  }
}

/**
 * The opinions a reader may see on a record: the asker's side reads all of them and may
 * withdraw the unanswered ones; a consulted organisation reads its own and those shared.
 */
export function OpinionsTable(props: {
  opinions: OpinionView[];
  /** The asker's withdraw button on unanswered requests. */
  revoke?: { csrfToken: string; intent: string };
  caption: string;
}) {
  return (
    <div className="fr-table">
      <table>
        <caption className="fr-sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Avis</th>
            <th scope="col">Motivation</th>
            <th scope="col">Rendu</th>
            {props.revoke ? <th scope="col">Action</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.opinions.map((opinion) => (
            <tr key={opinion.id}>
              <th scope="row">
                {opinion.organisation}
                {opinion.visibility === "shared" ? (
                  <span className="fr-hint-text">Avis partagé entre les services consultés</span>
                ) : null}
              </th>
              <td>{stateText(opinion)}</td>
              <td>
                {opinion.state === "revoked" ? opinion.revokedReason : opinion.reasoning}
                {opinion.attachmentName ? (
                  <>
                    {" "}
                    <a href={opinionAttachmentHref(opinion.id)} download>
                      Pièce jointe : {opinion.attachmentName}
                    </a>
                  </>
                ) : null}
              </td>
              <td>
                {opinion.givenAt
                  ? `le ${formatDate(opinion.givenAt, "longDate")}${opinion.givenBy ? ` par ${opinion.givenBy}` : ""}`
                  : "—"}
              </td>
              {props.revoke ? (
                <td>
                  {opinion.state === "awaited" ? (
                    <form method="post">
                      <CsrfField token={props.revoke.csrfToken} />
                      <input type="hidden" name="intent" value={props.revoke.intent} />
                      <input type="hidden" name="consultation" value={opinion.id} />
                      <Button
                        type="submit"
                        priority="tertiary"
                        size="small"
                        title={`Retirer la demande d'avis ${toName(opinion.organisation)}`}
                      >
                        Retirer la demande
                      </Button>
                    </form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A consulted organisation's answer: verdict, reasoning, an optional document. */
export function OpinionForm(props: {
  csrfToken: string;
  intent: string;
  failure: FormFailure | undefined;
  /** The record's version, when its page carries one. */
  version?: number;
}) {
  const failure = props.failure;
  const fileError = failure?.fieldErrors.piece;
  return (
    <form method="post" encType="multipart/form-data" noValidate>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="intent" value={props.intent} />
      {props.version !== undefined ? (
        <input type="hidden" name="version" value={props.version} />
      ) : null}
      <RadioButtons
        legend="Avis"
        name="verdict"
        state={failure?.fieldErrors.verdict ? "error" : "default"}
        stateRelatedMessage={failure?.fieldErrors.verdict}
        options={opinionVerdicts.map((verdict) => ({
          label: opinionVerdictLabels[verdict],
          nativeInputProps: {
            value: verdict,
            defaultChecked: failure?.values.verdict === verdict,
          },
        }))}
      />
      <TextAreaField
        name="reasoning"
        label="Motivation"
        hint="Expliquez votre avis, et vos réserves s'il y en a (20 caractères au moins)."
        failure={failure}
      />
      <div className={`fr-upload-group fr-mb-3w${fileError ? " fr-input-group--error" : ""}`}>
        <label className="fr-label" htmlFor="champ-piece">
          Pièce jointe (facultative)
          <span className="fr-hint-text">
            Un PDF ou une image JPEG ou PNG de {MAX_OPINION_ATTACHMENT_BYTES / 1024 / 1024} Mo au
            plus. Elle remplace la précédente.
          </span>
        </label>
        <input
          className="fr-upload"
          type="file"
          id="champ-piece"
          name="piece"
          accept=".pdf,.jpg,.jpeg,.png"
          aria-describedby={fileError ? "erreur-piece" : undefined}
        />
        {fileError ? (
          <p id="erreur-piece" className="fr-error-text">
            {fileError}
          </p>
        ) : null}
      </div>
      <Button type="submit">Rendre l'avis</Button>
    </form>
  );
}

/** The asker's fields: the due date and who reads the opinions. */
export function AskOpinionsFields(props: { failure: FormFailure | undefined }) {
  const failure = props.failure;
  const chosen = failure?.values.visibility ?? "confidential";
  return (
    <>
      <DateField
        name="dueOn"
        label="Date limite des avis"
        hint="une date à venir. Un rappel part trois jours avant."
        failure={failure}
      />
      <RadioButtons
        legend="Lecture des avis"
        name="visibility"
        state={failure?.fieldErrors.visibility ? "error" : "default"}
        stateRelatedMessage={failure?.fieldErrors.visibility}
        options={opinionVisibilities.map((visibility) => ({
          label: opinionVisibilityLabels[visibility],
          nativeInputProps: { value: visibility, defaultChecked: chosen === visibility },
        }))}
      />
    </>
  );
}
