import { bourseTexts } from "../../src/modules/bourse/texts/index";
import type { PageLanguage } from "../../src/platform/i18n/languages";
import { portalTexts } from "../../src/platform/i18n/portal-texts";

/** A Bourse page's title in its language: "Page – Bourse-partenariats – Portail AECT". */
export function bourseTitle(lang: PageLanguage, page: "newRequest" | "follow" | "newLink") {
  const t = bourseTexts(lang);
  return portalTexts(lang)("frame.title", { page: `${t(`pages.${page}`)} – ${t("pages.suffix")}` });
}
