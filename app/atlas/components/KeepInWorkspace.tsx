import { Button } from "@codegouvfr/react-dsfr/Button";
import type { FormFailure } from "../../platform/http.server";
import { CsrfField } from "../../platform/components/CsrfField";
import { CheckboxGroup, SelectField, TextField } from "../../platform/components/FormFields";

const formats = [
  ["csv", "CSV"],
  ["xlsx", "Excel (XLSX)"],
  ["pdf", "Rapport PDF"],
  ["geojson", "GeoJSON"],
  ["iati", "IATI (XML)"],
] as const;

/**
 * For signed-in people: keep the current search (with its map view) in "Mon espace", with
 * an optional weekly alert, or keep an extraction of it as a file. Shown again by Mon espace
 * when one of these forms comes back refused, with the message under its field.
 */
export function KeepInWorkspace({
  csrfToken,
  query,
  failure,
}: {
  csrfToken: string;
  query: string;
  failure?: FormFailure;
}) {
  const searchFailure = failure?.values.intent === "enregistrer-recherche" ? failure : undefined;
  const extractionFailure = failure?.values.intent === "garder-extraction" ? failure : undefined;
  return (
    <section className="fr-mt-4w fr-p-3w fr-background-alt--grey" aria-labelledby="garder-titre">
      <h2 id="garder-titre" className="fr-h5">
        Garder dans Mon espace
      </h2>
      <form method="post" action="/mon-espace" className="fr-mb-3w">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="intent" value="enregistrer-recherche" />
        <input type="hidden" name="query" value={query} />
        <TextField
          name="name"
          label="Nom de la recherche"
          hint="Facultatif : par défaut, « Recherche du » et la date. 120 caractères au plus."
          failure={searchFailure}
        />
        <CheckboxGroup
          name="alert"
          legend="Alerte"
          failure={searchFailure}
          options={[
            ["on", "M'alerter par courriel des nouveaux projets (au plus une fois par semaine)"],
          ]}
          checked={searchFailure?.values.alert === "on" ? ["on"] : []}
        />
        <Button type="submit" priority="secondary">
          Enregistrer cette recherche
        </Button>
      </form>
      <form method="post" action="/mon-espace">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="intent" value="garder-extraction" />
        <input type="hidden" name="query" value={query} />
        <SelectField
          name="format"
          label="Format de l'extraction"
          failure={extractionFailure}
          options={formats.map(([value, label]) => [value, label])}
          value={String(extractionFailure?.values.format ?? "csv")}
          placeholder="Choisir un format"
        />
        <Button type="submit" priority="secondary">
          Garder une extraction
        </Button>
      </form>
    </section>
  );
}
