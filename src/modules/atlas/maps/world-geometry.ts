import { createRequire } from "node:module";
import { type GeoPermissibleObjects, geoBounds, geoEqualEarth, geoMercator, geoPath } from "d3-geo";
import countryCodes from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { Feature, Geometry } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";

const require = createRequire(import.meta.url);

/** The map's drawing area, in SVG units. */
export const WORLD_SIZE = { width: 960, height: 470 } as const;

type CountryShape = { code: string; feature: Feature<Geometry, { name: string }> };

// Natural Earth names of the few shapes without an ISO numeric code.
const CODES_BY_NAME: Record<string, string> = { Kosovo: "XK" };

function countryShapes(resolution: "110m" | "50m"): CountryShape[] {
  const topology = require(`world-atlas/countries-${resolution}.json`) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(topology, topology.objects.countries);
  return collection.features.flatMap((shape) => {
    const code = shape.id
      ? countryCodes.numericToAlpha2(String(shape.id))
      : CODES_BY_NAME[shape.properties?.name ?? ""];
    return code ? [{ code, feature: shape }] : [];
  });
}

let worldPaths: { code: string; path: string }[] | undefined;
let projection: ReturnType<typeof geoEqualEarth> | undefined;

/** The world map's projection: Equal Earth, fitted to the drawing area. */
export function worldProjection() {
  projection ??= geoEqualEarth().fitSize([WORLD_SIZE.width, WORLD_SIZE.height], { type: "Sphere" });
  return projection;
}

/**
 * The outline of every country as an SVG path, in an Equal Earth projection (areas are
 * true, so no country looks more important than it is). Computed once per process from
 * the Natural Earth data shipped with the portal: no map server is called.
 */
export function worldCountryPaths() {
  if (!worldPaths) {
    const path = geoPath(worldProjection()).digits(1);
    worldPaths = countryShapes("110m").map(({ code, feature: shape }) => ({
      code,
      path: path(shape) ?? "",
    }));
  }
  return worldPaths;
}

let detailed: Map<string, Feature<Geometry, { name: string }>> | undefined;

/** A country's detailed Natural Earth shape (1:50 million), if it has one. */
export function countryFeature(code: string) {
  detailed ??= new Map(countryShapes("50m").map((shape) => [shape.code, shape.feature]));
  return detailed.get(code);
}

/**
 * A country drawn alone, fitted to the box, with the projection that places points on it;
 * null when Natural Earth has no shape for it (then only the points are drawn).
 */
export function countryFrame(
  code: string,
  points: [number, number][],
  size = { width: 640, height: 480 },
) {
  const shape = countryFeature(code);
  const subject: GeoPermissibleObjects | null =
    shape ?? (points.length > 0 ? { type: "MultiPoint", coordinates: points } : null);
  if (!subject) return null;
  const projection = geoMercator().fitExtent(
    [
      [16, 16],
      [size.width - 16, size.height - 16],
    ],
    subject,
  );
  return {
    size,
    /** [[west, south], [east, north]] in degrees. */
    bounds: geoBounds(subject as never),
    outline: shape ? (geoPath(projection).digits(1)(shape) ?? "") : null,
    project: (longitude: number, latitude: number) => projection([longitude, latitude]),
    /** The Mercator's scale and translation: what a page needs to turn a click into a place. */
    mercator: { scale: projection.scale(), translate: projection.translate() },
  };
}

/**
 * Whether a point can be in a country: inside the box of its Natural Earth shape, widened
 * by a degree for the small islands the 1:50 million shapes leave out. True when the
 * country has no shape (nothing to check against).
 */
export function mayBeInCountry(code: string, longitude: number, latitude: number): boolean {
  const shape = countryFeature(code);
  if (!shape) return true;
  const [[west, south], [east, north]] = geoBounds(shape);
  if (latitude < south - 1 || latitude > north + 1) return false;
  // A country across the antimeridian (Fiji, Kiribati) has its east edge west of its west one.
  return west <= east
    ? longitude >= west - 1 && longitude <= east + 1
    : longitude >= west - 1 || longitude <= east + 1;
}
