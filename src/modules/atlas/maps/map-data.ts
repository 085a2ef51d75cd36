import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/client";
import type { AtlasLabels } from "../labels";
import type { ProjectFilters } from "../search/filters";
import { projectConditions } from "../search/project-search";
import { colourClasses, colourOf } from "./choropleth";
import { type MapPoint, type PlacedCluster, clusterPoints } from "./clusters";
import { MAX_SEARCH_POINTS } from "./limits";
import { type FranceLevel, type Inset, franceShapes } from "./france-geometry";
import { fittedFrame } from "./frame";
import { WORLD_SIZE, countryFrame, worldCountryPaths, worldProjection } from "./world-geometry";
import { foreignAuthorities } from "../../register/index";

export interface MapArea {
  code: string;
  name: string;
  path: string | null;
  count: number;
  colour: string;
}

export interface ChoroplethMap {
  /** The whole drawing, which an interactive map lets one pan across. */
  whole: string;
  /** The part of the drawing shown: all of it, or fitted to the areas that have data. */
  viewBox: string;
  /** How much larger than the whole drawing the shown part is (1: the whole drawing). */
  zoom: number;
  areas: MapArea[];
  classes: { min: number; max: number; colour: string }[];
  /** Boxes drawn apart from the main drawing (overseas France). */
  insets: Inset[];
}

export interface MapOptions {
  /** Show only the part of the drawing that holds the areas with data (a filtered map). */
  fitted?: boolean;
}

function choropleth(
  drawing: { viewBox: string; shapes: { code: string; path: string }[]; insets?: Inset[] },
  names: Map<string, string>,
  counts: Record<string, number>,
  options: MapOptions,
): ChoroplethMap {
  const { shapes } = drawing;
  const classes = colourClasses(Object.values(counts));
  const drawn = new Set(shapes.map((shape) => shape.code));
  const areas: MapArea[] = [
    ...shapes.map((shape) => ({ ...shape, name: names.get(shape.code) ?? shape.code })),
    // Areas without an outline (small islands, overseas) still have a row in the table.
    ...Object.keys(counts)
      .filter((code) => !drawn.has(code))
      .map((code) => ({ code, path: null, name: names.get(code) ?? code })),
  ].map((area) => {
    const count = counts[area.code] ?? 0;
    return { ...area, count, colour: colourOf(count, classes) };
  });
  const frame = options.fitted
    ? fittedFrame(
        drawing.viewBox,
        shapes.filter((shape) => (counts[shape.code] ?? 0) > 0).map((shape) => shape.path),
      )
    : { viewBox: drawing.viewBox, zoom: 1 };
  return { whole: drawing.viewBox, ...frame, areas, classes, insets: drawing.insets ?? [] };
}

/** The world coloured by number of projects per country (counts from a search's facets). */
export function worldMap(
  counts: Record<string, number>,
  labels: AtlasLabels,
  options: MapOptions = {},
): ChoroplethMap {
  return choropleth(
    { viewBox: `0 0 ${WORLD_SIZE.width} ${WORLD_SIZE.height}`, shapes: worldCountryPaths() },
    labels.country,
    counts,
    options,
  );
}

/** Metropolitan France by région or département, coloured by number of projects. */
export function franceMap(
  level: FranceLevel,
  counts: Record<string, number>,
  labels: AtlasLabels,
  options: MapOptions = {},
): ChoroplethMap {
  const names = new Map(
    [...labels[level]].map(([code, name]) => [code, name.replace(/^[\dAB]+ – /, "")]),
  );
  return choropleth(franceShapes(level), names, counts, options);
}

export interface PointMap {
  viewBox: string;
  outline: string | null;
  clusters: PlacedCluster[];
  points: number;
}

/** The partner authorities of one country as clustered points on its outline. */
export async function countryPointMap(db: Db, countryCode: string): Promise<PointMap | null> {
  const points = rowsOf<MapPoint>(
    await db.execute(sql`
      SELECT fa.id, fa.name, fa.longitude, fa.latitude, count(*)::int AS weight
        FROM ${foreignAuthorities} fa
        JOIN atlas_partnership_foreign_authorities pfa ON pfa.foreign_authority_id = fa.id
       WHERE fa.country_code = ${countryCode} AND fa.latitude IS NOT NULL
       GROUP BY fa.id`),
  );
  const frame = countryFrame(
    countryCode,
    points.map((point) => [point.longitude, point.latitude]),
  );
  if (!frame) return null;
  const [[west], [east]] = frame.bounds;
  // A country across the antimeridian (Fiji, Russia) has its east edge west of its west one.
  const lonSpan = east >= west ? east - west : east + 360 - west;
  return {
    viewBox: `0 0 ${frame.size.width} ${frame.size.height}`,
    outline: frame.outline,
    clusters: clusterPoints(points, lonSpan, frame.size.width, frame.project),
    points: points.length,
  };
}

/** A country's outline to place a point on by a click (its Mercator given to the script). */
export interface PlacingMap {
  viewBox: string;
  outline: string;
  scale: number;
  translate: [number, number];
}

export function placingMap(countryCode: string): PlacingMap | null {
  const frame = countryFrame(countryCode, []);
  if (!frame?.outline) return null;
  return {
    viewBox: `0 0 ${frame.size.width} ${frame.size.height}`,
    outline: frame.outline,
    scale: frame.mercator.scale,
    translate: frame.mercator.translate,
  };
}

/**
 * Where the projects of a search are, as clustered points on the world map; `zoom` is how
 * much larger than the whole world the map is shown (a fitted map parts closer points).
 */
export async function searchPointClusters(
  db: Db,
  filters: ProjectFilters,
  keyword: string | null,
  zoom = 1,
): Promise<PlacedCluster[]> {
  const points = rowsOf<MapPoint>(
    await db.execute(sql`
      SELECT i.project_id AS id, i.title AS name, i.longitude, i.latitude, 1 AS weight
        FROM atlas_project_index i
       WHERE ${projectConditions(filters, keyword)} AND i.latitude IS NOT NULL
       LIMIT ${MAX_SEARCH_POINTS}`),
  );
  return worldClusters(points, zoom);
}

/** Points placed on the world map, clustered for a map shown `zoom` times closer. */
export function worldClusters(points: MapPoint[], zoom = 1): PlacedCluster[] {
  const projection = worldProjection();
  return clusterPoints(points, 360, WORLD_SIZE.width * zoom, (longitude, latitude) =>
    projection([longitude, latitude]),
  );
}
