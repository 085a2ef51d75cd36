import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { Invalid } from "../../platform/errors";
import {
  codeField,
  codeListField,
  emailField,
  optionalEurosField,
  optionalTextField,
  parseInput,
  textField,
} from "../../platform/validation";
import { themeNames } from "../../reference/data/themes";
import { foreignAuthorityKindLabels } from "../atlas/index";
import { amountInputText } from "../../platform/french-format";
import { partnerKindLabels, partnerSizeLabels, requestLanguageLabels } from "./codes";
import { frenchOrder } from "../../platform/db/french-order";
import { frenchCompare } from "../../platform/french/collation";
import { partnerCountrySql } from "../../reference/partner-countries";
import type { PageLanguage } from "../../platform/i18n/languages";
import { fieldMessages } from "../../platform/i18n/field-messages";
import { portalTexts } from "../../platform/i18n/portal-texts";
import { bourseTexts } from "./texts/index";

/** The request form's fields, in the order of the form and of the errors summary. */
export const requestFields = [
  "authorityName",
  "authorityKind",
  "countryCode",
  "cityName",
  "contactName",
  "contactFunction",
  "contactEmail",
  "contactPhone",
  "title",
  "description",
  "themes",
  "partnerKind",
  "partnerSize",
  "expertise",
  "budget",
  "languages",
] as const;

/** Fields sent as lists (checkboxes). */
export const requestListFields = ["themes", "languages"] as const;

export const themeLabels: ReadonlyMap<string, string> = new Map(Object.entries(themeNames));

const asMap = (labels: Record<string, string>) => new Map(Object.entries(labels));

/** The request's checks, their messages in the language of the form that was filled. */
function requestSchema(countries: ReadonlyMap<string, string>, lang: PageLanguage) {
  const t = bourseTexts(lang);
  const m = fieldMessages(lang);
  const name = (field: (typeof requestFields)[number]) => t(`fields.${field}.subject`);
  return z.object({
    authorityName: textField(name("authorityName"), 200, m),
    authorityKind: codeField(name("authorityKind"), asMap(foreignAuthorityKindLabels), m),
    countryCode: codeField(name("countryCode"), countries, m),
    cityName: textField(name("cityName"), 120, m),
    contactName: textField(name("contactName"), 120, m),
    contactFunction: optionalTextField(name("contactFunction"), 120, m),
    contactEmail: emailField(name("contactEmail"), m),
    contactPhone: optionalTextField(name("contactPhone"), 40, m),
    title: textField(name("title"), 200, m),
    description: textField(name("description"), 6_000, m).refine(
      (text) => text.length >= 80,
      t("errors.descriptionShort"),
    ),
    themes: codeListField(name("themes"), themeLabels, {
      min: 1,
      messages: m,
      minMessage: t("errors.themesMin"),
    }),
    partnerKind: codeField(name("partnerKind"), asMap(partnerKindLabels), m),
    partnerSize: codeField(name("partnerSize"), asMap(partnerSizeLabels), m),
    expertise: optionalTextField(name("expertise"), 2_000, m),
    budget: optionalEurosField(name("budget"), m),
    languages: codeListField(name("languages"), asMap(requestLanguageLabels), {
      min: 1,
      messages: m,
      minMessage: t("errors.languagesMin"),
    }),
  });
}

export type RequestInput = z.output<ReturnType<typeof requestSchema>> & {
  city: { id: number; name: string; latitude: number; longitude: number };
};

/** Countries a request may come from: the partner countries, code → French name. */
export async function requestCountries(q: Queryable): Promise<Map<string, string>> {
  const rows = rowsOf<{ code: string; name: string }>(
    await q.execute(
      sql`SELECT code, name_fr AS name FROM ref_countries
           WHERE ${partnerCountrySql("code")} ORDER BY ${frenchOrder("name_fr")}`,
    ),
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** The reference city of that name in that country (accents and case ignored), largest first. */
export async function findCity(q: Queryable, countryCode: string, name: string) {
  const [city] = rowsOf<{ id: number; name: string; latitude: number; longitude: number }>(
    await q.execute(sql`
      SELECT id, name, latitude, longitude FROM ref_cities
       WHERE country_code = ${countryCode}
         AND lower(immutable_unaccent(name)) = lower(immutable_unaccent(${name.trim()}))
       ORDER BY population DESC LIMIT 1`),
  );
  return city ?? null;
}

/** The largest cities of a country, offered as suggestions in the form. */
export async function citySuggestions(q: Queryable, countryCode: string, limit = 300) {
  const rows = rowsOf<{ name: string }>(
    await q.execute(sql`
      SELECT name, max(population) AS population FROM ref_cities
       WHERE country_code = ${countryCode}
       GROUP BY name ORDER BY max(population) DESC NULLS LAST, name LIMIT ${limit}`),
  );
  return rows.map((row) => row.name).sort(frenchCompare);
}

/**
 * Checks a request as typed. The city must be one of the reference cities of the chosen
 * country: that places the request on the map.
 */
export async function checkRequest(
  q: Queryable,
  values: Record<string, string | string[] | undefined>,
  lang: PageLanguage = "fr",
): Promise<RequestInput> {
  const countries = await requestCountries(q);
  const invalid = portalTexts(lang)("form.invalid");
  const input = parseInput(requestSchema(countries, lang), values, invalid);
  const city = await findCity(q, input.countryCode, input.cityName);
  if (!city)
    throw new Invalid(
      { cityName: bourseTexts(lang)("errors.unknownCity", { city: input.cityName }) },
      invalid,
    );
  return { ...input, city };
}

/** The stored request as the form shows it. */
export function requestFormValues(request: {
  authorityName: string;
  authorityKind: string;
  countryCode: string;
  cityName: string;
  contactName: string;
  contactFunction: string;
  contactEmail: string;
  contactPhone: string;
  title: string;
  description: string;
  themes: string[];
  partnerKind: string;
  partnerSize: string;
  expertise: string;
  budgetCents: number | null;
  languages: string[];
}): Record<string, string | string[]> {
  const { budgetCents, ...rest } = request;
  return { ...rest, budget: budgetCents === null ? "" : amountInputText(budgetCents) };
}

/** The columns a checked request fills. */
export function requestColumns(input: RequestInput) {
  return {
    authorityName: input.authorityName,
    authorityKind: input.authorityKind as "municipality",
    countryCode: input.countryCode,
    cityId: input.city.id,
    cityName: input.city.name,
    latitude: input.city.latitude,
    longitude: input.city.longitude,
    contactName: input.contactName,
    contactFunction: input.contactFunction ?? "",
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone ?? "",
    title: input.title,
    description: input.description,
    themes: input.themes,
    partnerKind: input.partnerKind,
    partnerSize: input.partnerSize,
    expertise: input.expertise ?? "",
    budgetCents: input.budget,
    languages: input.languages,
  };
}
