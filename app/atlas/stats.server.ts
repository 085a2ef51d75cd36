import {
  type ProjectFilters,
  type StatGroup,
  filtersToParams,
  groupedStatistics,
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
