import { z } from "zod";
import { Invalid, type FieldErrors } from "./errors";

/** Parses input with a zod schema; on failure throws Invalid with one French message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "formulaire";
    fieldErrors[field] ??= issue.message;
  }
  throw new Invalid(fieldErrors);
}

/** Reads a form's fields into a plain object (first value of each name). */
export function formToObject(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !(key in values)) values[key] = value;
  }
  return values;
}

export const emailField = (label = "L'adresse électronique") =>
  z
    .string({ message: `${label} est obligatoire.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .max(254, `${label} est trop longue (254 caractères au plus).`)
    .toLowerCase()
    .pipe(z.email(`${label} n'est pas valide : saisissez une adresse au format nom@domaine.fr.`));
