import { z } from "zod";
import { type FieldErrors, Invalid, InvalidRows, type RowError } from "./errors";
import { yieldToEventLoop } from "./event-loop";
import { type FieldMessages, fieldMessages } from "./i18n/field-messages";

/** The portal's own language: forms shown only in French check in French. */
const french = fieldMessages("fr");

/**
 * The one parser of the portal: a zod schema whose messages name the field (in French, or in
 * the language of the page that sent the form) checks what a page, the API or a line of an
 * imported file sent. Without throwing: the typed value, or the first message of each field.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { value: z.output<S>; errors?: undefined } | { value?: undefined; errors: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    // A bad value of a list field is the field's error ("themes", not "themes.2").
    const field = issue.path.filter((part) => typeof part !== "number").join(".");
    errors[field || "formulaire"] ??= issue.message;
  }
  return { errors };
}

/** Parses a form or a query; on failure throws Invalid (400) with one French message per field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message?: string,
): z.output<S> {
  const checked = checkInput(schema, input);
  if (checked.errors) throw new Invalid(checked.errors, message);
  return checked.value;
}

/**
 * Parses every line of an imported file with the schema the form uses. One bad line and
 * nothing is returned: InvalidRows lists every error of every line, by column.
 */
export async function parseRows<S extends z.ZodType>(
  schema: S,
  rows: readonly { line: number; values: Record<string, unknown> }[],
  columnOf: (field: string) => string,
): Promise<z.output<S>[]> {
  const parsed: z.output<S>[] = [];
  const errors: RowError[] = [];
  for (const [index, row] of rows.entries()) {
    const checked = checkInput(schema, row.values);
    if (checked.errors)
      for (const [field, message] of Object.entries(checked.errors))
        errors.push({ line: row.line, column: columnOf(field), message });
    else parsed.push(checked.value);
    // A long file shares the event loop with the pages being served.
    if (index % 500 === 499) await yieldToEventLoop();
  }
  if (errors.length > 0) throw new InvalidRows(errors);
  return parsed;
}

/** Reads a form's fields into a plain object (first value of each name). */
export function formToObject(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !(key in values)) values[key] = value;
  }
  return values;
}

export const emailField = (label = "L'adresse électronique", m: FieldMessages = french) =>
  z
    .string({ message: m.required(label) })
    .trim()
    .min(1, m.required(label))
    .max(254, m.tooLong(label, 254))
    .toLowerCase()
    .pipe(z.email(m.email(label)));

/** Reads a form keeping every value of the named list fields (checkboxes, multiple selects). */
export function formToValues(
  form: FormData,
  listFields: readonly string[] = [],
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = formToObject(form);
  for (const name of listFields) {
    values[name] = form.getAll(name).filter((value): value is string => typeof value === "string");
  }
  return values;
}

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** A free text; `label` starts the messages ("Le titre", in the messages' language). */
export const textField = (label: string, max: number, m: FieldMessages = french) =>
  z
    .string({ message: m.required(label) })
    .trim()
    .min(1, m.required(label))
    .max(max, m.tooLong(label, max));

/** An optional free text: blank becomes null. */
export const optionalTextField = (label: string, max: number, m: FieldMessages = french) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, m.tooLong(label, max))
      .optional()
      .transform((value) => value ?? null),
  );

/** An optional whole number within bounds, typed as text. */
export const optionalIntegerField = (label: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+$/, `${label} doit être un nombre entier (exemple : ${min}).`)
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, `${label} doit être compris entre ${min} et ${max}.`)
          .max(max, `${label} doit être compris entre ${min} et ${max}.`),
      )
      .optional()
      .transform((value) => value ?? null),
  );

/** "12 500,50", "12500.50 €" → 1250050 cents; a minus sign gets its own message. */
const eurosToCents = (label: string, m: FieldMessages) =>
  z
    .string()
    .transform((value) => value.replace(/[\s\u00a0\u202f€]/g, ""))
    .pipe(
      z
        .string()
        .refine((value) => !value.startsWith("-"), m.positive(label))
        .regex(/^\d{1,12}([.,]\d{1,2})?$/, m.amount(label)),
    )
    .transform((value) => {
      const [whole, fraction = ""] = value.split(/[.,]/);
      return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    });

/**
 * An amount in euros typed the French way ("12 500,50", "12500.50 €"), kept exactly as
 * integer cents: amounts are never floating-point.
 */
export const optionalEurosField = (label: string, m: FieldMessages = french) =>
  z.preprocess(
    blankToUndefined,
    eurosToCents(label, m)
      .optional()
      .transform((value) => value ?? null),
  );

/** A required amount in euros, strictly positive, as integer cents. */
export const eurosField = (label: string, m: FieldMessages = french) =>
  z
    .string({ message: m.required(label) })
    .trim()
    .min(1, m.required(label))
    .pipe(eurosToCents(label, m))
    .refine((cents) => cents > 0, m.positive(label));

/** A list of codes (checkboxes, multiple select) each of which must be known. */
export const codeListField = (
  label: string,
  known: ReadonlyMap<string, string> | ReadonlySet<string>,
  {
    min = 0,
    messages = french,
    minMessage = messages.atLeastOne(label),
  }: { min?: number; messages?: FieldMessages; minMessage?: string } = {},
) =>
  z
    .preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.string()),
    )
    .transform((values) => [...new Set(values.map((value) => value.trim()).filter(Boolean))].sort())
    .refine((values) => values.every((value) => known.has(value)), {
      message: messages.unknownInList(label),
    })
    .refine((values) => values.length >= min, { message: minMessage });

/** One value among known codes. */
export const codeField = (
  label: string,
  known: ReadonlyMap<string, string> | ReadonlySet<string>,
  m: FieldMessages = french,
) =>
  z
    .string({ message: m.required(label) })
    .trim()
    .min(1, m.required(label))
    .refine((value) => known.has(value), { message: m.unknown(label) });

/** A page number of a paged list, from the query string. */
export const pageNumberField = () =>
  z
    .string()
    .regex(/^\d{1,6}$/, "Le numéro de page doit être un nombre entier.")
    .transform(Number);

/** Whether AAAA-MM-JJ names a day of the calendar (not 31 February, which Date.parse takes). */
const dayExists = (value: string) => {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
};

/** "14/07/2026" as the date field's own "2026-07-14"; anything else as typed. */
const isoFromFrench = (value: string) => {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return french
    ? `${french[3]}-${french[2].padStart(2, "0")}-${french[1].padStart(2, "0")}`
    : value;
};

/**
 * A calendar day from a date field (AAAA-MM-JJ, or JJ/MM/AAAA where a browser shows a plain
 * text field), which must exist and fall within a sensible horizon: from 1900 to
 * `maxYearsAhead` years from now (ten by default).
 */
export const isoDateField = (
  label: string,
  {
    maxYearsAhead = 10,
    earliest,
  }: {
    maxYearsAhead?: number;
    /** The first day allowed (a closing date to come), with what to say before it. */
    earliest?: { day: string; message: string };
  } = {},
) =>
  z
    .string({ message: `${label} est obligatoire.` })
    .trim()
    .transform(isoFromFrench)
    .pipe(z.string())
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), {
      message: `${label} doit être une date au format JJ/MM/AAAA.`,
      abort: true,
    })
    .refine(dayExists, `${label} n'existe pas dans le calendrier.`)
    .refine(
      (value) => {
        const year = Number(value.slice(0, 4));
        return year >= 1900 && year <= new Date().getUTCFullYear() + maxYearsAhead;
      },
      `${label} est trop lointaine : choisissez une date entre 1900 et ${new Date().getUTCFullYear() + maxYearsAhead}.`,
    )
    .refine((value) => !earliest || value >= earliest.day, earliest?.message);

/**
 * A checkbox: ticked ("on", as browsers send it, or "true") or not (absent or empty). Any
 * other value was not offered by the form and is refused on the field.
 */
export const checkboxField = (label: string) =>
  z
    .string()
    .optional()
    .refine((value) => value === undefined || ["", "on", "true"].includes(value), {
      message: `${label} : valeur inattendue, cochez ou décochez la case.`,
    })
    .transform((value) => value === "on" || value === "true");

/**
 * For a check across fields (`refine(…, { when })`): it runs once those fields parsed, even
 * if others did not, so that every message is told at once rather than one round later.
 */
export const whenFieldsParsed =
  (...fields: string[]) =>
  (payload: z.core.ParsePayload) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));
