import type { FormFailure } from "../../platform/http.server";
import { TextField } from "../../platform/components/FormFields";

/**
 * Latitude and longitude of a partner authority whose city the reference list does not
 * know (typed the French way, checked inside its country), for the partnership and
 * authority forms alike.
 */
export function PositionFields(props: {
  failure: FormFailure | undefined;
  hint: string;
  initial?: { latitude?: string; longitude?: string };
}) {
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend fr-text--regular">
        Position, si la ville n'est pas reconnue
        <span className="fr-hint-text">{props.hint}</span>
      </legend>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <TextField
          name="latitude"
          label="Latitude"
          hint="Positive au nord. Exemple : 14,1833"
          failure={props.failure}
          defaultValue={props.initial?.latitude}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <TextField
          name="longitude"
          label="Longitude"
          hint="Positive à l'est. Exemple : -16,6667"
          failure={props.failure}
          defaultValue={props.initial?.longitude}
        />
      </div>
    </fieldset>
  );
}
