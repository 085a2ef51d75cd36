/**
 * The Atlas's client-safe surface (docs/decisions/0029): code lists, labels and pure
 * helpers the pages render with, safe in the browser bundle; everything that reads the
 * database is in `index.ts`.
 */
export { projectStatusLabels, partnershipStatusLabels } from "./labels";
export { filterNameLabels } from "./search/filter-labels";
export { type StatGroup, statColumns, statGroupLabels, statGroups } from "./statistics/stat-groups";
export {
  type ImportError,
  type ImportKind,
  type ImportStatus,
  importKinds,
  importStatuses,
} from "./import/import-kinds";
export { type TemplateColumn, importKindLabels, templateColumns } from "./import/templates";
export { MAX_SEARCH_POINTS } from "./maps/limits";
export { CLASS_COLOURS, NONE_COLOUR, colourClasses, colourOf } from "./maps/choropleth";
export type { MapPoint, PlacedCluster } from "./maps/clusters";
export type { ChoroplethMap, PlacingMap, PointMap } from "./maps/map-data";
export type { ContinentFigures } from "./stats-queries";
