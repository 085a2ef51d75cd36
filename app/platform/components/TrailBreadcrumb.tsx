import { usePageLanguage } from "../page-language";
import { portalTexts } from "../../../src/platform/i18n/portal-texts";
interface Crumb {
  label: string;
  href: string;
}

/** The DSFR breadcrumb of a page: the pages leading to it, then the page itself. */
export function TrailBreadcrumb(props: { trail: Crumb[]; current: Crumb }) {
  const t = portalTexts(usePageLanguage());
  return (
    <nav className="fr-breadcrumb" aria-label={t("frame.breadcrumb")}>
      <ol className="fr-breadcrumb__list">
        {props.trail.map((crumb) => (
          <li key={crumb.href}>
            <a className="fr-breadcrumb__link" href={crumb.href}>
              {crumb.label}
            </a>
          </li>
        ))}
        <li>
          <a className="fr-breadcrumb__link" aria-current="page" href={props.current.href}>
            {props.current.label}
          </a>
        </li>
      </ol>
    </nav>
  );
}
