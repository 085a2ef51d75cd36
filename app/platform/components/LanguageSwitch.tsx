import {
  type PageLanguage,
  languageNames,
  pageLanguages,
} from "../../../src/platform/i18n/languages";
import { portalTexts } from "../../../src/platform/i18n/portal-texts";

/**
 * The links to the same page in the other languages, each named in its own language (and
 * marked so, for screen readers); the current one is the filled button.
 */
export function LanguageSwitch(props: {
  lang: PageLanguage;
  href: (lang: PageLanguage) => string;
}) {
  return (
    <nav aria-label={portalTexts(props.lang)("frame.pageLanguage")} className="fr-mb-3w">
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        {pageLanguages.map((code) => (
          <li key={code}>
            <a
              className={`fr-btn fr-btn--sm ${code === props.lang ? "" : "fr-btn--secondary"}`}
              href={props.href(code)}
              lang={code}
              hrefLang={code}
              aria-current={code === props.lang ? "true" : undefined}
            >
              {languageNames[code]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
