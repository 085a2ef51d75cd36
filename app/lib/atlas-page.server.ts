import { data } from "react-router";
import {
  type AtlasLabels,
  type ProjectFilters,
  atlasLabels,
  listFilterNames,
  parseProjectFilters,
} from "../../src/modules/atlas/index";
import { Invalid } from "../../src/platform/errors";
import type { AppServices } from "../context";
import { asResponse } from "./http.server";

/** Choices of each coded filter: [code, label] in display order. */
export type FilterChoices = Record<keyof AtlasLabels, [string, string][]>;

export async function filterChoices(services: AppServices): Promise<FilterChoices> {
  const labels = await atlasLabels(services.db);
  return Object.fromEntries(
    Object.entries(labels).map(([name, map]) => [name, [...map.entries()]]),
  ) as FilterChoices;
}

/** What a search page shows when its URL holds a bad parameter: messages and what was asked. */
export interface QueryFailure {
  ok: false;
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/**
 * Runs a page that reads Atlas filters from its URL; a bad parameter gives back the
 * messages to show next to the fields instead of results (see `pageData`).
 */
export async function withProjectFilters<T>(
  request: Request,
  load: (filters: ProjectFilters, params: URLSearchParams) => Promise<T>,
) {
  const params = new URL(request.url).searchParams;
  try {
    return { ok: true as const, ...(await load(parseProjectFilters(params), params)) };
  } catch (error) {
    if (error instanceof Invalid) {
      const failure: QueryFailure = {
        ok: false,
        message: error.message,
        fieldErrors: error.fieldErrors,
        values: Object.fromEntries(
          [...listFilterNames, "q", "yearFrom", "yearTo", "sort", "page"].map((name) => [
            name,
            params.get(name) ?? "",
          ]),
        ),
      };
      return failure;
    }
    throw asResponse(error, request);
  }
}

/** The page's data, with a 400 status when its query was refused. */
export function pageData<T extends { result: { ok: boolean } }>(body: T) {
  return data(body, { status: body.result.ok ? 200 : 400 });
}
