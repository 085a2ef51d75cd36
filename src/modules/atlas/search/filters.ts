import { z } from "zod";
import { continents } from "../../../reference/schema";
import { parseInput } from "../../../platform/validation";
import { partnershipKinds, projectStatuses } from "../schema";
import { collectiviteKinds } from "../../register/index";

/**
 * The Atlas query: the same filters for the search page, the open-data API, the exports
 * and saved searches. A filter given several times (`country=SN&country=ML`) matches any
 * of its values; different filters all apply.
 */
export interface ProjectFilters {
  q?: string;
  continent: string[];
  country: string[];
  region: string[];
  departement: string[];
  collectivite: number[];
  collectiviteKind: string[];
  theme: string[];
  partnershipKind: string[];
  funding: string[];
  sdg: string[];
  status: string[];
  yearFrom?: number;
  yearTo?: number;
}

/** Filters that are lists of codes, in the order the search page shows them. */
export const listFilterNames = [
  "continent",
  "country",
  "region",
  "departement",
  "collectiviteKind",
  "collectivite",
  "theme",
  "partnershipKind",
  "funding",
  "sdg",
  "status",
] as const;
export type ListFilterName = (typeof listFilterNames)[number];

const code = (label: string, pattern: RegExp, example: string) =>
  z.string().trim().regex(pattern, `${label} n'est pas valide (exemple : ${example}).`);

const oneOf = (label: string, values: readonly string[]) =>
  z.enum(values as [string, ...string[]], {
    message: `${label} doit être l'une des valeurs : ${values.join(", ")}.`,
  });

const year = (label: string) =>
  z.coerce
    .number({ message: `${label} doit être une année (par exemple 2020).` })
    .int(`${label} doit être une année (par exemple 2020).`)
    .min(1950, `${label} doit être comprise entre 1950 et 2100.`)
    .max(2100, `${label} doit être comprise entre 1950 et 2100.`);

const valueSchemas: Record<ListFilterName, z.ZodType> = {
  continent: oneOf("Le continent", continents),
  country: code("Le code pays", /^[A-Za-z]{2}$/, "SN").transform((v) => v.toUpperCase()),
  region: code("Le code INSEE de la région", /^\d{2,3}$/, "53"),
  departement: code("Le code INSEE du département", /^(\d{2,3}|2[ABab])$/, "35").transform((v) =>
    v.toUpperCase(),
  ),
  collectivite: z.coerce
    .number({ message: "L'identifiant de collectivité doit être un nombre entier positif." })
    .int("L'identifiant de collectivité doit être un nombre entier positif.")
    .positive("L'identifiant de collectivité doit être un nombre entier positif.")
    .max(2_147_483_647, "L'identifiant de collectivité est trop grand."),
  collectiviteKind: oneOf("Le type de collectivité", collectiviteKinds),
  theme: code("La thématique", /^[a-z0-9_-]{1,40}$/, "eau-assainissement"),
  partnershipKind: oneOf("Le type de partenariat", partnershipKinds),
  funding: code("La source de financement", /^[a-z0-9_]{1,40}$/, "afd_ficol"),
  sdg: code("L'objectif de développement durable", /^([1-9]|1[0-7])$/, "6"),
  status: oneOf("Le statut", projectStatuses),
};

const MAX_VALUES = 50;

const optionalYear = (label: string) =>
  z.preprocess((value) => (value === "" ? undefined : value), year(label).optional());

/** The query's schema: each list filter a bounded list of distinct valid codes. */
const filtersSchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(200, "La recherche est trop longue (200 caractères au plus).")
      .transform((value) => value || undefined),
    ...(Object.fromEntries(
      listFilterNames.map((name) => [
        name,
        z
          .array(valueSchemas[name])
          .max(MAX_VALUES, `Trop de valeurs pour ce filtre (${MAX_VALUES} au plus).`)
          .transform((values) => [...new Set(values)]),
      ]),
    ) as unknown as Record<ListFilterName, z.ZodType<(string | number)[]>>),
    yearFrom: optionalYear("L'année de début"),
    yearTo: optionalYear("L'année de fin"),
  })
  .refine((filters) => !filters.yearFrom || !filters.yearTo || filters.yearFrom <= filters.yearTo, {
    path: ["yearTo"],
    message: "L'année de fin doit être postérieure ou égale à l'année de début.",
  });

/** Reads and checks the query; every bad parameter is reported under its own name. */
export function parseProjectFilters(params: URLSearchParams): ProjectFilters {
  const filters = parseInput(
    filtersSchema,
    {
      q: params.get("q") ?? "",
      ...Object.fromEntries(
        listFilterNames.map((name) => [
          name,
          params.getAll(name).filter((value) => value.trim() !== ""),
        ]),
      ),
      yearFrom: params.get("yearFrom")?.trim() ?? undefined,
      yearTo: params.get("yearTo")?.trim() ?? undefined,
    },
    "La recherche contient des paramètres invalides.",
  );
  const { q, yearFrom, yearTo, ...lists } = filters;
  return {
    ...(lists as unknown as Omit<ProjectFilters, "q" | "yearFrom" | "yearTo">),
    ...(q ? { q } : {}),
    ...(yearFrom ? { yearFrom } : {}),
    ...(yearTo ? { yearTo } : {}),
  };
}

/** The query string of some filters, in a stable order (shareable, cacheable URLs). */
export function filtersToParams(filters: ProjectFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  for (const name of listFilterNames)
    for (const value of filters[name]) params.append(name, String(value));
  if (filters.yearFrom) params.set("yearFrom", String(filters.yearFrom));
  if (filters.yearTo) params.set("yearTo", String(filters.yearTo));
  return params;
}

export function hasAnyFilter(filters: ProjectFilters): boolean {
  return filtersToParams(filters).size > 0;
}
