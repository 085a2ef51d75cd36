import { createContext, useContext } from "react";
import { setUseLang } from "@codegouvfr/react-dsfr/i18n";
import { addAlertTranslations } from "@codegouvfr/react-dsfr/Alert";
import { addDisplayTranslations } from "@codegouvfr/react-dsfr/Display";
import { addFooterTranslations } from "@codegouvfr/react-dsfr/Footer";
import { addHeaderTranslations } from "@codegouvfr/react-dsfr/Header";
import { type UIMatch, useMatches } from "react-router";
import { type PageLanguage, languageOf, pageLanguages } from "../../src/platform/i18n/languages";
import { portalTexts } from "../../src/platform/i18n/portal-texts";

/**
 * The language a page is read in. A route that exists in several languages returns
 * `pageLanguage` from its loader (from `?langue=` or the record's stored language); every
 * other page is French. The root sets `<html lang>`, the frame's words and the DSFR
 * components' own words from it.
 */
export const PageLanguageContext = createContext<PageLanguage>("fr");

export const usePageLanguage = () => useContext(PageLanguageContext);

/** The deepest route's language: a page's own loader decides it. */
export function useRouteLanguage(): PageLanguage {
  const matches = useMatches() as UIMatch<{ pageLanguage?: string } | undefined>[];
  for (let i = matches.length - 1; i >= 0; i--) {
    const lang = matches[i].data?.pageLanguage;
    if (lang) return languageOf(lang);
  }
  return "fr";
}

// The design system's components read their words (close, menu, licence…) through this hook.
setUseLang({ useLang: usePageLanguage });

for (const lang of pageLanguages) {
  if (lang === "fr") continue;
  const t = portalTexts(lang);
  addHeaderTranslations({ lang, messages: { close: t("dsfr.close"), menu: t("dsfr.menu") } });
  addAlertTranslations({ lang, messages: { "hide message": t("dsfr.hideMessage") } });
  addDisplayTranslations({
    lang,
    messages: {
      "display settings": t("dsfr.displaySettings"),
      close: t("dsfr.close"),
      "pick a theme": t("dsfr.pickTheme"),
      "light theme": t("dsfr.lightTheme"),
      "dark theme": t("dsfr.darkTheme"),
      "system theme": t("dsfr.systemTheme"),
      "system theme hint": t("dsfr.systemThemeHint"),
    },
  });
  addFooterTranslations({
    lang,
    messages: {
      "hide message": t("dsfr.hideMessage"),
      "website map": t("dsfr.websiteMap"),
      accessibility: t("dsfr.accessibility"),
      "non compliant": t("dsfr.nonCompliant"),
      "partially compliant": t("dsfr.partiallyCompliant"),
      "fully compliant": t("dsfr.fullyCompliant"),
      terms: t("dsfr.terms"),
      "open new window": t("dsfr.newWindow"),
      "license mention": (p: { licenseUrl: string }) => (
        <>
          {t("dsfr.licenceMention")}{" "}
          <a
            href={p.licenseUrl}
            target="_blank"
            rel="noreferrer"
            title={`${t("dsfr.licence")} - ${t("dsfr.newWindow")}`}
          >
            {t("dsfr.licence")}
          </a>
        </>
      ),
    },
  });
}
