import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { CsrfField } from "../CsrfField";

const formats = [
  ["csv", "CSV"],
  ["xlsx", "Excel (XLSX)"],
  ["pdf", "Rapport PDF"],
  ["geojson", "GeoJSON"],
  ["iati", "IATI (XML)"],
] as const;

/**
 * For signed-in people: keep the current search (with its map view) in "Mon espace", with
 * an optional weekly alert, or keep an extraction of it as a file.
 */
export function KeepInWorkspace({ csrfToken, query }: { csrfToken: string; query: string }) {
  return (
    <section className="fr-mt-4w fr-p-3w fr-background-alt--grey" aria-labelledby="garder-titre">
      <h2 id="garder-titre" className="fr-h5">
        Garder dans Mon espace
      </h2>
      <form method="post" action="/mon-espace" className="fr-mb-3w">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="intent" value="enregistrer-recherche" />
        <input type="hidden" name="query" value={query} />
        <Input
          label="Nom de la recherche"
          hintText="Facultatif : par défaut, « Recherche du » et la date."
          nativeInputProps={{ id: "champ-nom-recherche", name: "name", maxLength: 120 }}
        />
        <Checkbox
          options={[
            {
              label: "M'alerter par courriel des nouveaux projets (au plus une fois par semaine)",
              nativeInputProps: { name: "alert" },
            },
          ]}
        />
        <Button type="submit" priority="secondary">
          Enregistrer cette recherche
        </Button>
      </form>
      <form method="post" action="/mon-espace">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="intent" value="garder-extraction" />
        <input type="hidden" name="query" value={query} />
        <Select
          label="Format de l'extraction"
          nativeSelectProps={{ id: "champ-format-extraction", name: "format", defaultValue: "csv" }}
        >
          {formats.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <Button type="submit" priority="secondary">
          Garder une extraction
        </Button>
      </form>
    </section>
  );
}
