import { type ProjectFilters, countProjects, filtersToParams } from "../../src/modules/atlas/index";
import type { AppServices } from "../context";

/**
 * Totals and facet counts of a query, kept per instance until the Atlas changes: turning
 * pages of a result, or coming back to it, does not count everything again.
 */
export const cachedProjectCounts = ({ db, cache }: AppServices, filters: ProjectFilters) =>
  cache.at("atlas", `project-counts:${filtersToParams(filters)}`, () => countProjects(db, filters));
