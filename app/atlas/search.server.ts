import { type ProjectFilters, countProjects, filtersToParams } from "../../src/modules/atlas/index";
import { cached } from "../../src/platform/cache";
import type { AppServices } from "../context";

/**
 * Totals and facet counts of a query, kept for a few minutes per instance: turning pages of
 * a result, or coming back to it, does not count everything again.
 */
export const cachedProjectCounts = ({ db, cache }: AppServices, filters: ProjectFilters) =>
  cached(cache, `atlas:project-counts:${filtersToParams(filters)}`, () =>
    countProjects(db, filters),
  );
