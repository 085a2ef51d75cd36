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
export function apiErrorBody(error: unknown): { status: number; body: object } | null {
  if (error instanceof Invalid)
    return { status: 400, body: { error: error.message, fieldErrors: error.fieldErrors } };
  if (error instanceof DomainError) return { status: error.status, body: { error: error.message } };
  return null;
}

export function apiError(error: unknown): Response {
  const refusal = apiErrorBody(error);
  if (!refusal) throw error;
  return Response.json(refusal.body, {
    status: refusal.status,
    headers: { "Access-Control-Allow-Origin": "*" },
  });
}

/** Runs an open-data endpoint that answers JSON. */
export async function apiResponse(produce: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await produce(), { headers: openDataHeaders });
  } catch (error) {
    return apiError(error);
  }
}

/** A CSV table downloaded as a file (`extra`: open data's caching and CORS headers). */
export const csvDownload = (body: string, filename: string, extra: Record<string, string> = {}) =>
  new Response(body, {
    headers: {
      ...extra,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
