import type { FilterChoices } from "../page.server";

/**
 * The filters in force, each a link that removes it: the way to undo one value of a filter
 * given several times, and a summary a screen-reader user hears before the results.
 */
export function ActiveFilters(props: {
  basePath: string;
  params: [string, string][];
  choices: FilterChoices;
  collectiviteNames: Record<string, string>;
}) {
  const shown = props.params.filter(([name]) => name !== "page" && name !== "sort");
  if (shown.length === 0) return null;
  const labelOf = (name: string, value: string) => {
    if (name === "q") return `« ${value} »`;
    if (name === "collectivite") return props.collectiviteNames[value] ?? `Collectivité ${value}`;
    if (name === "yearFrom") return `En cours après ${value}`;
    if (name === "yearTo") return `Commencé avant ${value}`;
    const choices = props.choices[name as keyof FilterChoices];
    return choices?.find(([code]) => code === value)?.[1] ?? value;
  };
  const without = (index: number) => {
    const params = new URLSearchParams(
      shown.filter((_, i) => i !== index).concat(props.params.filter(([n]) => n === "sort")),
    );
    const query = params.toString();
    return query ? `${props.basePath}?${query}` : props.basePath;
  };
  return (
    <div className="fr-mb-2w">
      <p className="fr-text--sm fr-mb-1w">Filtres appliqués :</p>
      <ul className="fr-tags-group">
        {shown.map(([name, value], index) => (
          <li key={`${name}-${value}`}>
            <a
              className="fr-tag fr-tag--sm fr-tag--icon-left fr-icon-close-line"
              href={without(index)}
              aria-label={`Retirer le filtre ${labelOf(name, value)}`}
            >
              {labelOf(name, value)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
