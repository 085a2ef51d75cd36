import type { PageLanguage } from "./languages";
import { portalTexts } from "./portal-texts";

/** What a form's checks say of a field, in one language; `subject` names the field. */
export interface FieldMessages {
  required(subject: string): string;
  tooLong(subject: string, max: number): string;
  email(subject: string): string;
  unknown(subject: string): string;
  unknownInList(subject: string): string;
  atLeastOne(subject: string): string;
  amount(subject: string): string;
  positive(subject: string): string;
}

const cache = new Map<PageLanguage, FieldMessages>();

/** The validation messages of a page language, from the portal's dictionary. */
export function fieldMessages(lang: PageLanguage): FieldMessages {
  let messages = cache.get(lang);
  if (!messages) {
    const t = portalTexts(lang);
    messages = {
      required: (subject) => t("validation.required", { subject }),
      tooLong: (subject, max) =>
        t("validation.tooLong", {
          subject,
          max: max.toLocaleString(lang === "fr" ? "fr-FR" : lang),
        }),
      email: (subject) => t("validation.email", { subject }),
      unknown: (subject) => t("validation.unknown", { subject }),
      unknownInList: (subject) => t("validation.unknownInList", { subject }),
      atLeastOne: (subject) => t("validation.atLeastOne", { subject }),
      amount: (subject) => t("validation.amount", { subject }),
      positive: (subject) => t("validation.positive", { subject }),
    };
    cache.set(lang, messages);
  }
  return messages;
}
