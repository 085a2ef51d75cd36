import { Invalid, type FieldErrors } from "../../../platform/errors";
import { type ProjectSort, projectSorts } from "./project-search";

export interface Paging {
  sort?: ProjectSort;
  limit: number;
  cursor?: string;
  page: number;
}

/** Reads sort, limit, cursor and page; the limit is bounded so one request stays cheap. */
export function parsePaging(
  params: URLSearchParams,
  bounds: { defaultLimit: number; maxLimit: number },
): Paging {
  const errors: FieldErrors = {};
  const sort = params.get("sort")?.trim() || undefined;
  if (sort && !(projectSorts as readonly string[]).includes(sort))
    errors.sort = `Le tri doit être l'une des valeurs : ${projectSorts.join(", ")}.`;
  const limit = readInteger(params.get("limit"), bounds.defaultLimit);
  if (limit === null || limit < 1 || limit > bounds.maxLimit)
    errors.limit = `Le nombre de résultats par page doit être un entier entre 1 et ${bounds.maxLimit}.`;
  const page = readInteger(params.get("page"), 1);
  if (page === null || page < 1 || page > 10_000)
    errors.page = "Le numéro de page doit être un entier entre 1 et 10 000.";
  const cursor = params.get("cursor")?.trim() || undefined;
  if (cursor && cursor.length > 500) errors.cursor = "Le curseur de pagination n'est pas valide.";
  if (Object.keys(errors).length > 0)
    throw new Invalid(errors, "La recherche contient des paramètres invalides.");
  return { sort: sort as ProjectSort | undefined, limit: limit!, cursor, page: page! };
}

function readInteger(raw: string | null, fallback: number): number | null {
  const value = raw?.trim();
  if (!value) return fallback;
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}
