import {
  type ProjectFilters,
  parseIdCursor,
  parsePaging,
  parseProjectFilters,
} from "../../src/modules/atlas/index";
import type { Db } from "../../src/platform/db/client";
import { appContext } from "../context";
import { apiResponse } from "../platform/api.server";
import type { RouterContextProvider } from "react-router";

type Lister = (
  db: Db,
  filters: ProjectFilters,
  after: number,
  limit: number,
) => Promise<{ items: unknown[]; nextCursor: string | null }>;

/** An open-data directory list: the Atlas filters that apply, pages by id cursor. */
export function directoryResponse(
  request: Request,
  context: Readonly<RouterContextProvider>,
  list: Lister,
) {
  const { db } = context.get(appContext);
  return apiResponse(async () => {
    const params = new URL(request.url).searchParams;
    const filters = parseProjectFilters(params);
    const { limit } = parsePaging(params, { defaultLimit: 50, maxLimit: 500 });
    return list(db, filters, parseIdCursor(params.get("cursor")), limit);
  });
}
