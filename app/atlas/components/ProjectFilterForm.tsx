import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { filterNameLabels } from "../../../src/modules/atlas/codes";
import type { FilterChoices, QueryFailure } from "../page.server";

type Facets = Partial<Record<string, Record<string, number>>>;

const selectFilters = [
  ["continent", "Tous les continents"],
  ["country", "Tous les pays"],
  ["region", "Toutes les régions"],
  ["departement", "Tous les départements"],
  ["collectiviteKind", "Tous les types"],
  ["theme", "Toutes les thématiques"],
  ["partnershipKind", "Tous les types de partenariat"],
  ["funding", "Toutes les sources"],
  ["sdg", "Tous les ODD"],
  ["status", "Tous les statuts"],
] as const;

const KEPT_AS_THEY_ARE = ["collectivite", "vue", "groupBy", "crossBy"];

export const sortLabels = {
  pertinence: "Pertinence",
  recent: "Les plus récents",
  titre: "Titre (A → Z)",
} as const;

/**
 * The Atlas search form: a GET form, so the URL holds the whole query and the back button
 * works without JavaScript. Each choice shows how many current results it has; choices
 * with none are left out, except the one selected.
 */
export function ProjectFilterForm(props: {
  action: string;
  /** The query of the page, as [name, value] pairs (a filter may repeat). */
  params: [string, string][];
  choices: FilterChoices;
  facets?: Facets;
  failure?: QueryFailure;
}) {
  const value = (name: string) =>
    props.failure?.values[name] ?? props.params.find(([key]) => key === name)?.[1] ?? "";
  const error = (name: string) => props.failure?.fieldErrors[name];
  const state = (name: string) => (error(name) ? ("error" as const) : ("default" as const));
  const invalid = (name: string) => (error(name) ? true : undefined);
  return (
    <form method="get" action={props.action} aria-label="Rechercher des projets">
      {props.params
        // Kept as they are: the collectivités chosen from a fiche, the map's view, the
        // statistics' dimensions.
        .filter(([name]) => KEPT_AS_THEY_ARE.includes(name))
        .map(([name, id]) => (
          <input key={`${name}-${id}`} type="hidden" name={name} value={id} />
        ))}
      <Input
        label="Mots-clés"
        hintText="Par exemple : eau potable, Sénégal, jumelage Rennes"
        state={state("q")}
        stateRelatedMessage={error("q")}
        nativeInputProps={{
          id: "champ-q",
          name: "q",
          type: "search",
          defaultValue: value("q"),
          "aria-invalid": invalid("q"),
        }}
      />
      {selectFilters.map(([name, all]) => {
        const label = filterNameLabels[name];
        const counts = props.facets?.[name];
        const selected = value(name);
        return (
          <Select
            key={name}
            label={label}
            state={state(name)}
            stateRelatedMessage={error(name)}
            nativeSelectProps={{
              id: `champ-${name}`,
              name,
              defaultValue: selected,
              "aria-invalid": invalid(name),
            }}
          >
            <option value="">{all}</option>
            {props.choices[name]
              .filter(([code]) => !counts || counts[code] || code === selected)
              .map(([code, text]) => (
                <option key={code} value={code}>
                  {counts ? `${text} (${(counts[code] ?? 0).toLocaleString("fr-FR")})` : text}
                </option>
              ))}
          </Select>
        );
      })}
      <fieldset className="fr-fieldset" aria-label="Période du projet">
        <legend className="fr-fieldset__legend fr-text--regular">Période du projet</legend>
        {(
          [
            ["yearFrom", "En cours après (année)"],
            ["yearTo", "Commencé avant (année)"],
          ] as const
        ).map(([name, label]) => (
          <div className="fr-fieldset__element fr-fieldset__element--inline" key={name}>
            <Input
              label={label}
              state={state(name)}
              stateRelatedMessage={error(name)}
              nativeInputProps={{
                id: `champ-${name}`,
                name,
                inputMode: "numeric",
                pattern: "[0-9]{4}",
                defaultValue: value(name),
                "aria-invalid": invalid(name),
              }}
            />
          </div>
        ))}
      </fieldset>
      <Select
        label="Trier par"
        state={state("sort")}
        stateRelatedMessage={error("sort")}
        nativeSelectProps={{
          id: "champ-sort",
          name: "sort",
          defaultValue: value("sort"),
          "aria-invalid": invalid("sort"),
        }}
      >
        <option value="">Tri par défaut</option>
        {Object.entries(sortLabels).map(([code, text]) => (
          <option key={code} value={code}>
            {text}
          </option>
        ))}
      </Select>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit">Rechercher</Button>
        </li>
        <li>
          <Button priority="secondary" linkProps={{ href: props.action }}>
            Réinitialiser
          </Button>
        </li>
      </ul>
    </form>
  );
}
