import type { PlacingMap } from "../../../src/modules/atlas/codes";

/**
 * The country's outline on which a click fills the latitude and longitude fields of the
 * form (public/js/placer.js). Hidden until the script shows it: without JavaScript the two
 * fields are the way, and the keyboard's way too. In a form where the country is chosen on
 * the page (`countryField`, the id of its select), the script fetches the outline of the
 * country chosen and draws it.
 */
export function PlacePicker(props: {
  map: PlacingMap | null;
  countryName: string;
  countryField?: string;
}) {
  const { map } = props;
  return (
    <figure className="atlas-place-picker fr-mb-3w" hidden data-country-field={props.countryField}>
      <svg
        viewBox={map?.viewBox ?? "0 0 1 1"}
        role="img"
        aria-labelledby="placer-titre"
        className="atlas-map__drawing atlas-map__drawing--country"
        data-scale={map?.scale}
        data-translate={map?.translate.join(" ")}
      >
        <title id="placer-titre">{`Carte : ${props.countryName}`}</title>
        <path d={map?.outline ?? ""} fill="#e3e3fd" stroke="#000091" strokeWidth={0.8} />
        <circle
          className="atlas-place-picker__mark"
          r={6}
          fill="#e1000f"
          stroke="#fff"
          visibility="hidden"
        />
      </svg>
      <figcaption className="fr-text--sm">
        Un clic sur la carte place l'autorité : la latitude et la longitude se remplissent.
      </figcaption>
      <script src="/js/placer.js" async />
    </figure>
  );
}
