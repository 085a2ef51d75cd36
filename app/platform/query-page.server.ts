import { data } from "react-router";
import { Invalid } from "../../src/platform/errors";
import { asResponse } from "./http.server";

/** What a search page shows when its URL holds a bad parameter: messages and what was asked. */
export interface QueryFailure {
  ok: false;
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/**
 * Runs a page that reads its filters from the URL: a bad parameter gives back the messages
 * to show next to the fields, with what was typed, instead of results (see `pageData`).
 */
export async function withQuery<F, T>(
  request: Request,
  parse: (params: URLSearchParams) => F,
  names: readonly string[],
  load: (filters: F, params: URLSearchParams) => Promise<T>,
) {
  const params = new URL(request.url).searchParams;
  try {
    return { ok: true as const, ...(await load(parse(params), params)) };
  } catch (error) {
    if (error instanceof Invalid) {
      const failure: QueryFailure = {
        ok: false,
        message: error.message,
        fieldErrors: error.fieldErrors,
        values: Object.fromEntries(names.map((name) => [name, params.get(name) ?? ""])),
      };
      return failure;
    }
    throw asResponse(error, request);
  }
}

/** The page's data with a 400 status when its query was refused. */
export function pageData<T extends { result: { ok: boolean } }>(body: T) {
  return data(body, { status: body.result.ok ? 200 : 400 });
}

/**
 * Reads a page's filters from its URL for pages that still show something when a filter is
 * wrong: the defaults are used, and the failure says what to correct, on its field.
 */
export function readQuery<F>(
  request: Request,
  parse: (params: URLSearchParams) => F,
  names: readonly string[],
): { query: F; failure: QueryFailure | undefined } {
  const params = new URL(request.url).searchParams;
  try {
    return { query: parse(params), failure: undefined };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return {
      query: parse(new URLSearchParams()),
      failure: {
        ok: false,
        message: error.message,
        fieldErrors: error.fieldErrors,
        values: Object.fromEntries(names.map((name) => [name, params.get(name) ?? ""])),
      },
    };
  }
}
