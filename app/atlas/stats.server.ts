import {
  type ProjectFilters,
  type StatGroup,
  crossTabulation,
  filtersToParams,
  groupedStatistics,
  statisticsTotals,
} from "../../src/modules/atlas/index";
import type { AppServices } from "../context";

/** Grouped statistics, computed once per query, instance and Atlas data version. */
export const cachedStatistics = (
  { db, cache }: AppServices,
  group: StatGroup,
  filters: ProjectFilters,
) =>
  cache.at("atlas", `stats:${group}:${filtersToParams(filters)}`, () =>
    groupedStatistics(db, group, filters),
  );

/** Two dimensions crossed, computed once per query, instance and Atlas data version. */
export const cachedCrossTab = (
  { db, cache }: AppServices,
  rows: StatGroup,
  columns: StatGroup,
  filters: ProjectFilters,
) =>
  cache.at("atlas", `cross:${rows}:${columns}:${filtersToParams(filters)}`, () =>
    crossTabulation(db, rows, columns, filters),
  );

/** The search's projects and partnerships, each once: what the groups are shares of. */
export const cachedStatisticsTotals = ({ db, cache }: AppServices, filters: ProjectFilters) =>
  cache.at("atlas", `stats-totals:${filtersToParams(filters)}`, () =>
    statisticsTotals(db, filters),
  );
