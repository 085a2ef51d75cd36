import type { ReactNode } from "react";
import type { ChoroplethMap, PointMap } from "../../../src/modules/atlas/codes";
import { NONE_COLOUR } from "../../../src/modules/atlas/codes";
import type { PlacedCluster } from "../../../src/modules/atlas/codes";
import { countOf, formatCount, type Noun, sentenceCase } from "../../platform/format";

const radiusOf = (points: number) => Math.min(22, 5 + Math.sqrt(points) * 2);

/**
 * Clustered points: one circle per group, its size and number telling how many. On a map
 * shown `zoom` times closer, sizes are divided by it so circles keep their size on screen.
 */
function Clusters({
  clusters,
  unit,
  zoom = 1,
}: {
  clusters: PlacedCluster[];
  unit: Noun;
  zoom?: number;
}) {
  return (
    <g className="atlas-map__points">
      {clusters.map((cluster) => (
        <g key={`${cluster.x},${cluster.y}`}>
          <title>{countOf(cluster.points, ...unit)}</title>
          {/* Names as their country writes them: not French text. React's SVG types lack
              the global `translate` attribute, which SVG elements take like any other. */}
          <desc {...{ translate: "no" }}>
            {`${cluster.names.join(", ")}${cluster.points > cluster.names.length ? "…" : ""}`}
          </desc>
          <circle
            cx={cluster.x}
            cy={cluster.y}
            r={radiusOf(cluster.points) / zoom}
            fill="#e1000f"
            fillOpacity={0.75}
            stroke="#fff"
            strokeWidth={1}
            vectorEffect="non-scaling-stroke"
          />
          {cluster.points > 1 ? (
            <text
              x={cluster.x}
              y={cluster.y}
              dy="0.35em"
              textAnchor="middle"
              fontSize={(cluster.points > 99 ? 9 : 11) / zoom}
              fontWeight="bold"
              fill="#fff"
            >
              {cluster.points}
            </text>
          ) : null}
        </g>
      ))}
    </g>
  );
}

/**
 * The script that makes every map of the page pannable and zoomable (public/js/carte.js).
 * React loads an async script once per page however many maps it holds; without it, or
 * without JavaScript, the drawing and its table are the map.
 */
const InteractiveMapScript = () => <script src="/js/carte.js" async />;

/** What the drawing of a coloured map needs (its figure adds legend and table). */
export interface DrawingProps {
  id: string;
  map: ChoroplethMap;
  title: string;
  unit: Noun;
  clusters?: PlacedCluster[];
  /** What each point stands for (projects unless said). */
  pointUnit?: Noun;
  /**
   * Where an area leads (the next level down, or the area's fiche): a link in the table
   * under the map, for everyone, and a click on the area once public/js/carte.js runs. The
   * drawing holds no link itself: it is an image to assistive technologies, whose content
   * is not reached (RGAA 1.2, WCAG 4.1.2).
   */
  /** Where a click on an area leads; none for an area that has nowhere to lead. */
  linkFor?: (code: string) => string | undefined;
}

/** The inside of a coloured map's `<svg>`: its title, summary, areas and points. */
export function ChoroplethDrawing(props: DrawingProps) {
  return (
    <>
      <title id={`${props.id}-titre`}>{props.title}</title>
      <ChoroplethBody {...props} />
    </>
  );
}

const PROJECT: Noun = ["projet", "projets", "m"];

function ChoroplethBody({ id, map, unit, clusters, linkFor, pointUnit = PROJECT }: DrawingProps) {
  const listed = map.areas.filter((area) => area.count > 0).length;
  return (
    <>
      <desc id={`${id}-resume`}>
        {`${countOf(listed, "zone concernée", "zones concernées", "f")}. Les chiffres sont donnés dans le tableau qui suit la carte.`}
      </desc>
      {map.insets.map((inset) => (
        <rect
          key={inset.code}
          x={inset.x}
          y={inset.y}
          width={inset.width}
          height={inset.height}
          fill="none"
          stroke="#929292"
          strokeWidth={0.75}
          vectorEffect="non-scaling-stroke"
        />
      ))}
      <g stroke="#fff" strokeWidth={0.75}>
        {map.areas
          .filter((area) => area.path)
          .map((area) => (
            <path
              key={area.code}
              d={area.path!}
              fill={area.colour}
              data-code={area.code}
              data-count={area.count}
              data-href={linkFor?.(area.code)}
              vectorEffect="non-scaling-stroke"
            >
              <title>{`${area.name} : ${countOf(area.count, ...unit)}`}</title>
            </path>
          ))}
      </g>
      {clusters ? <Clusters clusters={clusters} unit={pointUnit} zoom={map.zoom} /> : null}
    </>
  );
}

/** A coloured map whose drawing was rendered once for its data (atlas/map-drawing.server). */
export type DrawnMap = ChoroplethMap & { drawing?: string; points?: boolean };

/**
 * A map coloured by a count per area. The drawing is an image described by its title; the
 * legend is text and the table under it gives every figure, with links: the map is never
 * the only way to read them.
 */
export function ChoroplethFigure(props: {
  id: string;
  map: DrawnMap;
  title: string;
  unit: Noun;
  areaHeader: string;
  /** Where a click on an area leads; none for an area that has nowhere to lead. */
  linkFor?: (code: string) => string | undefined;
  clusters?: PlacedCluster[];
  pointUnit?: Noun;
  note?: ReactNode;
}) {
  const { map, unit } = props;
  const [one, many, gender] = props.pointUnit ?? PROJECT;
  const listed = map.areas.filter((area) => area.count > 0).sort((a, b) => b.count - a.count);
  const labelledBy = `${props.id}-titre ${props.id}-resume`;
  const linkOf = (code: string) => props.linkFor?.(code);
  return (
    <figure className="fr-my-4w atlas-map" aria-labelledby={`${props.id}-titre`}>
      <InteractiveMapScript />
      {map.drawing !== undefined ? (
        <svg
          viewBox={map.viewBox}
          data-whole={map.whole}
          role="img"
          aria-labelledby={labelledBy}
          className="atlas-map__drawing"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: our own drawing, rendered by React once per data version
          dangerouslySetInnerHTML={{ __html: map.drawing }}
        />
      ) : (
        <svg
          viewBox={map.viewBox}
          data-whole={map.whole}
          role="img"
          aria-labelledby={labelledBy}
          className="atlas-map__drawing"
        >
          <title id={`${props.id}-titre`}>{props.title}</title>
          <ChoroplethBody {...props} />
        </svg>
      )}
      <figcaption>
        <p className="fr-text--bold fr-mb-1w">{props.title}</p>
        <ul className="atlas-map__legend" aria-label="Légende">
          {map.classes.map((entry) => (
            <li key={entry.colour}>
              <span
                className="atlas-map__swatch"
                style={{ background: entry.colour }}
                aria-hidden="true"
              />
              {entry.min === entry.max
                ? countOf(entry.min, ...unit)
                : `de ${formatCount(entry.min)} à ${countOf(entry.max, ...unit)}`}
            </li>
          ))}
          <li>
            <span
              className="atlas-map__swatch"
              style={{ background: NONE_COLOUR }}
              aria-hidden="true"
            />
            {countOf(0, ...unit)}
          </li>
          {props.clusters?.length || map.points ? (
            <li>
              <span className="atlas-map__dot" aria-hidden="true" />
              {`lieu d'${gender === "f" ? "une" : "un"} ${one} (le nombre indique plusieurs ${many} proches)`}
            </li>
          ) : null}
        </ul>
        {props.note}
      </figcaption>
      <details className="fr-mt-2w">
        <summary>{`Tableau des données de la carte (${countOf(listed.length, "ligne", "lignes", "f")})`}</summary>
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.areaHeader}</th>
                <th scope="col" className="fr-cell--right">
                  {sentenceCase(unit[1])}
                </th>
              </tr>
            </thead>
            <tbody>
              {listed.map((area) => (
                <tr key={area.code}>
                  <th scope="row">
                    {linkOf(area.code) ? <a href={linkOf(area.code)}>{area.name}</a> : area.name}
                  </th>
                  <td className="fr-cell--right">{formatCount(area.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** A country with its partner authorities as clustered points; the list is on the page. */
export function PointMapFigure(props: {
  id: string;
  map: PointMap;
  title: string;
  tableNote: string;
}) {
  const { map } = props;
  return (
    <figure className="fr-my-4w atlas-map" aria-labelledby={`${props.id}-titre`}>
      <InteractiveMapScript />
      <svg
        viewBox={map.viewBox}
        data-whole={map.viewBox}
        role="img"
        aria-labelledby={`${props.id}-titre ${props.id}-resume`}
        className="atlas-map__drawing atlas-map__drawing--country"
      >
        <title id={`${props.id}-titre`}>{props.title}</title>
        <desc
          id={`${props.id}-resume`}
        >{`${countOf(map.points, "lieu placé", "lieux placés", "m")}. ${props.tableNote}`}</desc>
        {map.outline ? (
          <path d={map.outline} fill="#e3e3fd" stroke="#000091" strokeWidth={0.8} />
        ) : null}
        <Clusters
          clusters={map.clusters}
          unit={["autorité partenaire", "autorités partenaires", "f"]}
        />
      </svg>
      <figcaption>
        <p className="fr-text--bold fr-mb-1w">{props.title}</p>
        <p className="fr-text--sm">{`Chaque cercle est une autorité partenaire ; un nombre indique plusieurs autorités proches. ${props.tableNote}`}</p>
      </figcaption>
    </figure>
  );
}
