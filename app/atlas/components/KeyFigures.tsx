import { formatCount } from "../../platform/format";

/** The key figures at the top of a country or territory fiche. */
export function KeyFigures({ figures }: { figures: readonly (readonly [string, number])[] }) {
  return (
    <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-4w">
      {figures.map(([label, value]) => (
        <li key={label} className="fr-col-6 fr-col-md-3">
          <p className="fr-h3 fr-mb-0">{formatCount(value)}</p>
          <p>{label}</p>
        </li>
      ))}
    </ul>
  );
}
