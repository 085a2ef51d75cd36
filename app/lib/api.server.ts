import { DomainError, Invalid } from "../../src/platform/errors";

/** Open data: readable from any origin, cacheable for a few minutes by browsers and proxies. */
export const openDataHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "public, max-age=300",
};

/**
 * Bad parameters become a 400 JSON body naming each parameter in French, other domain
 * errors their status; anything else is a bug and propagates.
 */
export function apiError(error: unknown): Response {
  const headers = { "Access-Control-Allow-Origin": "*" };
  if (error instanceof Invalid)
    return Response.json(
      { error: error.message, fieldErrors: error.fieldErrors },
      { status: 400, headers },
    );
  if (error instanceof DomainError)
    return Response.json({ error: error.message }, { status: error.status, headers });
  throw error;
}

/** Runs an open-data endpoint that answers JSON. */
export async function apiResponse(produce: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await produce(), { headers: openDataHeaders });
  } catch (error) {
    return apiError(error);
  }
}
