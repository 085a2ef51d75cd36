import { Button } from "@codegouvfr/react-dsfr/Button";
import type { FormFailure } from "../../platform/http.server";
import { CsrfField } from "../../platform/components/CsrfField";
import {
  CheckboxGroup,
  SelectField,
  TextAreaField,
  TextField,
  shownValue,
} from "../../platform/components/FormFields";

export interface OfferFormChoices {
  themes: [string, string][];
  countries: [string, string][];
  /** The reader's collectivités, when it may write in the name of several. */
  collectivites: [string, string][];
}

/** How many target countries the form offers: an offer is precise or it is not read. */
export const OFFER_COUNTRY_FIELDS = 3;

const asList = (value: string | string[]) => (Array.isArray(value) ? value : value ? [value] : []);
const ordinals = ["Premier", "Deuxième", "Troisième"];

/** The fiche de présentation of a French collectivité's offer. */
export function OfferForm(props: {
  csrfToken: string;
  choices: OfferFormChoices;
  failure: FormFailure | undefined;
  stored?: Record<string, string | string[]>;
  version?: number;
  submitLabel: string;
}) {
  const { failure, choices } = props;
  const stored = (name: string) => props.stored?.[name] ?? "";
  const text = (name: string) => asList(stored(name)).join(", ");
  const selected = (name: string) => asList(shownValue(failure, name, stored(name)));
  const countries = selected("countryCodes");
  return (
    <form method="post" noValidate>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="intent" value="offer" />
      {props.version !== undefined ? (
        <input type="hidden" name="version" value={props.version} />
      ) : null}
      {choices.collectivites.length > 1 ? (
        <SelectField
          name="collectiviteId"
          label="Au nom de la collectivité"
          options={choices.collectivites}
          value={selected("collectiviteId")[0] ?? ""}
          failure={failure}
        />
      ) : null}
      <TextField
        name="title"
        label="Titre de l'offre"
        hint="Par exemple : Appui à la gestion des déchets ménagers"
        failure={failure}
        defaultValue={text("title")}
      />
      <TextAreaField
        name="summary"
        label="Ce que la collectivité propose"
        hint="Savoir-faire, services mobilisés, moyens, durée envisagée (80 caractères au moins)."
        failure={failure}
        defaultValue={text("summary")}
        rows={8}
      />
      <CheckboxGroup
        name="themes"
        legend="Thématiques"
        options={choices.themes}
        checked={selected("themes")}
        failure={failure}
        small
      />
      <fieldset className="fr-fieldset" aria-describedby="pays-vises-aide">
        <legend className="fr-fieldset__legend">Pays visés</legend>
        <p id="pays-vises-aide" className="fr-hint-text fr-fieldset__element">
          Un pays au moins, trois au plus. L'ambassade de France de chaque pays donne son avis.
        </p>
        {ordinals.slice(0, OFFER_COUNTRY_FIELDS).map((ordinal, i) => (
          <div key={ordinal} className="fr-fieldset__element">
            <SelectField
              name="countryCodes"
              id={i === 0 ? "champ-countryCodes" : `champ-countryCodes-${i + 1}`}
              errorKey={i === 0 ? "countryCodes" : "-"}
              label={`${ordinal} pays visé${i === 0 ? "" : " (facultatif)"}`}
              options={choices.countries}
              value={countries[i] ?? ""}
              placeholder="Choisir un pays"
              failure={failure}
            />
          </div>
        ))}
      </fieldset>
      <TextAreaField
        name="experience"
        label="Expérience de la collectivité (facultatif)"
        hint="Coopérations passées ou en cours, labels, partenaires."
        failure={failure}
        defaultValue={text("experience")}
        rows={4}
      />
      <Button type="submit">{props.submitLabel}</Button>
    </form>
  );
}
