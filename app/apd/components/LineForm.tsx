import { Button } from "@codegouvfr/react-dsfr/Button";
import {
  apdChannelLabels,
  apdFlowLabels,
  markerScoreLabels,
  policyMarkers,
} from "../../../src/modules/apd/codes";
import type { FormFailure } from "../../platform/http.server";
import { CsrfField } from "../../platform/components/CsrfField";
import {
  SelectField,
  TextAreaField,
  TextField,
  shownValue,
} from "../../platform/components/FormFields";

type Failure = FormFailure | undefined;

export interface LineChoices {
  recipients: [string, string][];
  purposes: [string, string][];
  projects: [string, string][];
}

const asText = (value: string | string[]) => (Array.isArray(value) ? value.join(", ") : value);

/** The fields of one declaration line, for adding or correcting it. */
export function LineForm(props: {
  csrfToken: string;
  version: number;
  choices: LineChoices;
  failure: Failure;
  stored?: Record<string, string>;
  submitLabel: string;
  action?: string;
}) {
  const { failure, choices } = props;
  const value = (name: string) => asText(shownValue(failure, name, props.stored?.[name] ?? ""));
  return (
    <form method="post" action={props.action} noValidate>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="intent" value="line" />
      <input type="hidden" name="version" value={props.version} />
      <SelectField
        name="recipientCode"
        label="Pays bénéficiaire"
        hint="Pays de la liste CAD des bénéficiaires de l'APD, ou « multi-pays » pour une aide à plusieurs pays d'une région."
        options={choices.recipients}
        value={value("recipientCode")}
        failure={failure}
      />
      <SelectField
        name="purposeCode"
        label="Secteur (code-objet CAD)"
        options={choices.purposes}
        value={value("purposeCode")}
        failure={failure}
      />
      <TextField
        name="amount"
        label="Montant en euros"
        hint="Dépenses de l'année, supérieures à zéro. Exemple : 12 500,50"
        failure={failure}
        defaultValue={props.stored?.amount}
      />
      <SelectField
        name="flow"
        label="Type de flux"
        options={Object.entries(apdFlowLabels)}
        value={value("flow") || "don"}
        failure={failure}
      />
      <SelectField
        name="channel"
        label="Canal"
        hint="Par qui l'aide a été mise en œuvre."
        options={Object.entries(apdChannelLabels)}
        value={value("channel")}
        failure={failure}
      />
      <SelectField
        name="projectId"
        label="Fiche-projet de l'Atlas (facultatif)"
        options={choices.projects}
        value={value("projectId")}
        placeholder="Aucune"
        failure={failure}
      />
      <TextAreaField
        name="description"
        label="Description (facultatif)"
        failure={failure}
        defaultValue={props.stored?.description}
        rows={2}
      />
      <fieldset className="fr-fieldset" aria-describedby="marqueurs-aide">
        <legend className="fr-fieldset__legend">Marqueurs de l'OCDE</legend>
        <p id="marqueurs-aide" className="fr-hint-text fr-fieldset__element">
          Pour chaque objectif, la place qu'il tient dans l'action : 0 s'il n'est pas visé, 1 s'il
          est un objectif significatif, 2 s'il est l'objectif principal. Ils sont repris dans la
          déclaration de la France au CAD de l'OCDE.
        </p>
        {policyMarkers.map((marker) => (
          <div key={marker.field} className="fr-fieldset__element fr-fieldset__element--inline">
            <SelectField
              name={marker.field}
              label={marker.label}
              options={Object.entries(markerScoreLabels)}
              value={value(marker.field) || "0"}
              failure={failure}
            />
          </div>
        ))}
      </fieldset>
      <Button type="submit">{props.submitLabel}</Button>
    </form>
  );
}
