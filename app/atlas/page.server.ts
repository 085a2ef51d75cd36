import {
  type AtlasLabels,
  type ProjectFilters,
  atlasLabels,
  listFilterNames,
  parseProjectFilters,
} from "../../src/modules/atlas/index";
import type { AppServices } from "../context";
import { withQuery } from "../platform/query-page.server";

/** Choices of each coded filter: [code, label] in display order. */
export type FilterChoices = Record<keyof AtlasLabels, [string, string][]>;

export async function filterChoices(services: AppServices): Promise<FilterChoices> {
  const labels = await atlasLabels(services.db);
  return Object.fromEntries(
    Object.entries(labels).map(([name, map]) => [name, [...map.entries()]]),
  ) as FilterChoices;
}

export { type QueryFailure, pageData } from "../platform/query-page.server";

/**
 * Runs a page that reads Atlas filters from its URL; a bad parameter gives back the
 * messages to show next to the fields instead of results (see `pageData`).
 */
export function withProjectFilters<T>(
  request: Request,
  load: (filters: ProjectFilters, params: URLSearchParams) => Promise<T>,
) {
  return withQuery(
    request,
    parseProjectFilters,
    [...listFilterNames, "q", "yearFrom", "yearTo", "sort", "page"],
    load,
  );
}
