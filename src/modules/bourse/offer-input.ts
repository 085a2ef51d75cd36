import { z } from "zod";
import type { Queryable } from "../../platform/db/client";
import { codeListField, optionalTextField, parseInput, textField } from "../../platform/validation";
import { requestCountries, themeLabels } from "./request-input";

export const offerFields = ["title", "summary", "themes", "countryCodes", "experience"] as const;
export const offerListFields = ["themes", "countryCodes"] as const;

const offerSchema = (countries: ReadonlyMap<string, string>) =>
  z.object({
    title: textField("Le titre de l'offre", 200),
    summary: textField("Ce que la collectivité propose", 6_000).refine(
      (text) => text.length >= 80,
      "Décrivez ce que la collectivité propose en 80 caractères au moins : savoir-faire, moyens, durée.",
    ),
    themes: codeListField("Les thématiques", themeLabels, {
      min: 1,
      minMessage: "Choisissez au moins une thématique.",
    }),
    countryCodes: codeListField("Les pays visés", countries, {
      min: 1,
      minMessage: "Choisissez au moins un pays visé.",
    }),
    experience: optionalTextField("L'expérience de la collectivité", 4_000),
  });

export type OfferInput = z.output<ReturnType<typeof offerSchema>>;

/** Checks an offer as typed; the countries are those a request may come from. */
export async function checkOffer(
  q: Queryable,
  values: Record<string, string | string[] | undefined>,
): Promise<OfferInput> {
  return parseInput(offerSchema(await requestCountries(q)), values);
}
