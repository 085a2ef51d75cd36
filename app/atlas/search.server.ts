import {
  type ProjectFilters,
  type ProjectSearchOptions,
  countProjects,
  filtersToParams,
  findProjects,
} from "../../src/modules/atlas/index";
import type { AppServices } from "../context";

/**
 * Totals and facet counts of a query, kept per instance until the Atlas changes: turning
 * pages of a result, or coming back to it, does not count everything again.
 */
export const cachedProjectCounts = ({ db, cache }: AppServices, filters: ProjectFilters) =>
  cache.at("atlas", `project-counts:${filtersToParams(filters)}`, () => countProjects(db, filters));

/**
 * A page of results, kept the same way: for a frequent word, ranking every match is the
 * costly part, and the first pages are what most visitors ask for.
 */
export const cachedProjectPage = (
  { db, cache }: AppServices,
  filters: ProjectFilters,
  options: ProjectSearchOptions,
) =>
  cache.at(
    "atlas",
    `project-page:${filtersToParams(filters)}:${[options.sort, options.limit, options.cursor, options.offset].join(":")}`,
    () => findProjects(db, filters, options),
  );
