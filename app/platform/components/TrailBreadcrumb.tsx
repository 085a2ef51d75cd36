interface Crumb {
  label: string;
  href: string;
}

/** The DSFR breadcrumb of a page: the pages leading to it, then the page itself. */
export function TrailBreadcrumb(props: { trail: Crumb[]; current: Crumb }) {
  return (
    <nav className="fr-breadcrumb" aria-label="vous êtes ici :">
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
