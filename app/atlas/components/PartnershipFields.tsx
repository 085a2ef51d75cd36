import type { FormFailure } from "../../platform/http.server";
import { SelectField, TextField } from "../../platform/components/FormFields";
import { PlacePicker } from "./PlacePicker";
import { PositionFields } from "./PositionFields";

export interface PartnershipChoices {
  countries: [string, string][];
  kinds: [string, string][];
  authorityKinds: [string, string][];
}

/**
 * The fields of a new partnership (the columns of the partnership import), shown empty for
 * the Atlas or pre-filled from a Bourse request; what was typed wins after a mistake.
 */
export function PartnershipFields(props: {
  choices: PartnershipChoices;
  failure: FormFailure | undefined;
  initial?: Record<string, string>;
}) {
  const { failure, choices } = props;
  const value = (name: string, fallback = "") =>
    failure ? String(failure.values[name] ?? "") : (props.initial?.[name] ?? fallback);
  return (
    <>
      <TextField
        name="autorite_partenaire"
        label="Autorité locale partenaire"
        hint="Exemple : Commune de Dioffior"
        required
        failure={failure}
        defaultValue={props.initial?.autorite_partenaire}
      />
      <SelectField
        name="type_autorite"
        label="Type d'autorité"
        failure={failure}
        options={choices.authorityKinds}
        value={value("type_autorite") || "Municipalité"}
      />
      <SelectField
        name="pays"
        label="Pays"
        failure={failure}
        options={choices.countries}
        value={value("pays")}
        placeholder="Choisir un pays"
      />
      <TextField
        name="ville"
        label="Ville (pour la carte)"
        hint="Par défaut, celle de son nom (« Commune de Dioffior » : Dioffior)."
        failure={failure}
        defaultValue={props.initial?.ville}
      />
      <PositionFields
        failure={failure}
        hint="En degrés décimaux, tels que les donne une carte en ligne."
        initial={props.initial}
      />
      <PlacePicker map={null} countryName="" countryField="champ-pays" />
      <SelectField
        name="type_partenariat"
        label="Type de partenariat"
        failure={failure}
        options={choices.kinds}
        value={value("type_partenariat")}
      />
      <TextField
        name="date_signature"
        label="Date de signature"
        hint="Format attendu : JJ/MM/AAAA"
        failure={failure}
        defaultValue={props.initial?.date_signature}
      />
      <SelectField
        name="statut"
        label="Statut"
        failure={failure}
        options={[
          ["active", "Active"],
          ["en_sommeil", "En sommeil"],
          ["terminee", "Terminée"],
        ]}
        value={value("statut") || "active"}
      />
    </>
  );
}
