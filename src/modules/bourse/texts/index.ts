import { defineTexts } from "../../../platform/i18n/translator";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

/**
 * The Bourse's texts for the pages, mails and messages foreign authorities read. Pure:
 * pages import it directly.
 */
export const bourseTexts = defineTexts("bourse", { fr, en, es });
export type BourseKey = Parameters<ReturnType<typeof bourseTexts>>[0];

const dictionaries = { fr, en, es };

/** The request form's fields in one language: label, optional hint, name in messages. */
export const requestFieldWords = (lang: keyof typeof dictionaries) => dictionaries[lang].fields;
