import { z } from "zod";
import { continents } from "../../../reference/schema";
import { Invalid, type FieldErrors } from "../../../platform/errors";
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
  region: code("Le code INSEE de la région", /^\d{2}$/, "53"),
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

/** Reads and checks the query; every bad parameter is reported under its own name. */
export function parseProjectFilters(params: URLSearchParams): ProjectFilters {
  const errors: FieldErrors = {};
  // Every list filter is set below, from its values in the query.
  const filters = Object.fromEntries(
    listFilterNames.map((name) => [name, []]),
  ) as unknown as ProjectFilters;
  const q = params.get("q")?.trim() ?? "";
  if (q.length > 200) errors.q = "La recherche est trop longue (200 caractères au plus).";
  else if (q) filters.q = q;
  for (const name of listFilterNames) {
    const raw = params.getAll(name).filter((value) => value.trim() !== "");
    if (raw.length > MAX_VALUES) {
      errors[name] = `Trop de valeurs pour ce filtre (${MAX_VALUES} au plus).`;
      continue;
    }
    const values = new Set<string | number>();
    for (const value of raw) {
      const parsed = valueSchemas[name].safeParse(value);
      if (parsed.success) values.add(parsed.data as string | number);
      else errors[name] ??= parsed.error.issues[0].message;
    }
    (filters[name] as (string | number)[]) = [...values];
  }
  for (const [name, label] of [
    ["yearFrom", "L'année de début"],
    ["yearTo", "L'année de fin"],
  ] as const) {
    const raw = params.get(name)?.trim();
    if (!raw) continue;
    const parsed = year(label).safeParse(raw);
    if (parsed.success) filters[name] = parsed.data;
    else errors[name] = parsed.error.issues[0].message;
  }
  if (filters.yearFrom && filters.yearTo && filters.yearFrom > filters.yearTo)
    errors.yearTo = "L'année de fin doit être postérieure ou égale à l'année de début.";
  if (Object.keys(errors).length > 0)
    throw new Invalid(errors, "La recherche contient des paramètres invalides.");
  return filters;
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
