import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/client";
import type { AtlasLabels } from "../labels";
import type { ProjectFilters } from "../search/filters";
import { projectConditions } from "../search/project-search";
import { colourClasses, colourOf } from "./choropleth";
import { type MapPoint, type PlacedCluster, clusterPoints } from "./clusters";
import { MAX_SEARCH_POINTS } from "./limits";
import { type FranceLevel, franceShapes } from "./france-geometry";
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
  viewBox: string;
  areas: MapArea[];
  classes: { min: number; max: number; colour: string }[];
}

function choropleth(
  viewBox: string,
  shapes: { code: string; path: string }[],
  names: Map<string, string>,
  counts: Record<string, number>,
): ChoroplethMap {
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
  return { viewBox, areas, classes };
}

/** The world coloured by number of projects per country (counts from a search's facets). */
export function worldMap(counts: Record<string, number>, labels: AtlasLabels): ChoroplethMap {
  return choropleth(
    `0 0 ${WORLD_SIZE.width} ${WORLD_SIZE.height}`,
    worldCountryPaths(),
    labels.country,
    counts,
  );
}

/** Metropolitan France by région or département, coloured by number of projects. */
export function franceMap(
  level: FranceLevel,
  counts: Record<string, number>,
  labels: AtlasLabels,
): ChoroplethMap {
  const { viewBox, shapes } = franceShapes(level);
  const names = new Map(
    [...labels[level]].map(([code, name]) => [code, name.replace(/^[\dAB]+ – /, "")]),
  );
  return choropleth(viewBox, shapes, names, counts);
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

/** Where the projects of a search are, as clustered points on the world map. */
export async function searchPointClusters(
  db: Db,
  filters: ProjectFilters,
  keyword: string | null,
): Promise<PlacedCluster[]> {
  const points = rowsOf<MapPoint>(
    await db.execute(sql`
      SELECT i.project_id AS id, i.title AS name, i.longitude, i.latitude, 1 AS weight
        FROM atlas_project_index i
       WHERE ${projectConditions(filters, keyword)} AND i.latitude IS NOT NULL
       LIMIT ${MAX_SEARCH_POINTS}`),
  );
  const projection = worldProjection();
  return clusterPoints(points, 360, WORLD_SIZE.width, (longitude, latitude) =>
    projection([longitude, latitude]),
  );
}
