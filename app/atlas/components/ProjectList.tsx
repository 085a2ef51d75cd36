import type { PublicProjectItem } from "../../../src/modules/atlas/index";

function period(item: PublicProjectItem) {
  if (!item.startYear) return "";
  return item.endYear && item.endYear !== item.startYear
    ? `${item.startYear} – ${item.endYear}`
    : String(item.startYear);
}

/** Projects as a list of DSFR cards: title, places, period and thématiques. */
export function ProjectList({ items }: { items: PublicProjectItem[] }) {
  return (
    <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
      {items.map((item) => (
        <li key={item.id} className="fr-col-12">
          <div className="fr-card fr-card--horizontal fr-enlarge-link fr-card--sm">
            <div className="fr-card__body">
              <div className="fr-card__content">
                <h3 className="fr-card__title">
                  <a href={item.url}>{item.title}</a>
                </h3>
                <p className="fr-card__desc">
                  {[
                    item.collectivites.map((c) => c.name).join(", "),
                    item.countries.map((c) => c.name).join(", "),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                <div className="fr-card__start">
                  <ul className="fr-badges-group">
                    <li>
                      <p className="fr-badge fr-badge--sm">{item.statusLabel}</p>
                    </li>
                    {item.themes.map((theme) => (
                      <li key={theme.code}>
                        <p className="fr-badge fr-badge--sm fr-badge--blue-ecume">{theme.label}</p>
                      </li>
                    ))}
                  </ul>
                </div>
                <div className="fr-card__end">
                  <p className="fr-card__detail">{period(item)}</p>
                </div>
              </div>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
