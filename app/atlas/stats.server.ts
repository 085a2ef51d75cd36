import {
  type ProjectFilters,
  type StatGroup,
  filtersToParams,
  groupedStatistics,
} from "../../src/modules/atlas/index";
import { cached } from "../../src/platform/cache";
import type { AppServices } from "../context";

/** Grouped statistics, computed once per query and instance for a few minutes. */
export const cachedStatistics = (
  { db, cache }: AppServices,
  group: StatGroup,
  filters: ProjectFilters,
) =>
  cached(cache, `atlas:stats:${group}:${filtersToParams(filters)}`, () =>
    groupedStatistics(db, group, filters),
  );
