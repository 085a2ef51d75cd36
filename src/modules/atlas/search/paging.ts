import { z } from "zod";
import { parseInput } from "../../../platform/validation";
import { type ProjectSort, projectSorts } from "./project-search";

export interface Paging {
  sort?: ProjectSort;
  limit: number;
  cursor?: string;
  page: number;
}

/** A whole number typed in the query, or its default when absent. */
const integer = (fallback: number, min: number, max: number, message: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined),
    z
      .string()
      .regex(/^\d{1,6}$/, message)
      .transform(Number)
      .pipe(z.number().min(min, message).max(max, message))
      .optional()
      .transform((value) => value ?? fallback),
  );

const blankIsAbsent = (value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/** Reads sort, limit, cursor and page; the limit is bounded so one request stays cheap. */
export function parsePaging(
  params: URLSearchParams,
  bounds: { defaultLimit: number; maxLimit: number },
): Paging {
  const schema = z.object({
    sort: z.preprocess(
      blankIsAbsent,
      z
        .enum(projectSorts, {
          message: `Le tri doit être l'une des valeurs : ${projectSorts.join(", ")}.`,
        })
        .optional(),
    ),
    limit: integer(
      bounds.defaultLimit,
      1,
      bounds.maxLimit,
      `Le nombre de résultats par page doit être un entier entre 1 et ${bounds.maxLimit}.`,
    ),
    page: integer(1, 1, 10_000, "Le numéro de page doit être un entier entre 1 et 10 000."),
    cursor: z.preprocess(
      blankIsAbsent,
      z.string().max(500, "Le curseur de pagination n'est pas valide.").optional(),
    ),
  });
  return parseInput(
    schema,
    {
      sort: params.get("sort") ?? undefined,
      limit: params.get("limit") ?? undefined,
      page: params.get("page") ?? undefined,
      cursor: params.get("cursor") ?? undefined,
    },
    "La recherche contient des paramètres invalides.",
  );
}
