import type { ReactNode } from "react";

/** A request or an offer in a list: its linked title, summary, who and where, then what. */
export function BourseCard(props: {
  href: string;
  title: string;
  summary: string;
  /** The language of the title and summary when it is not the page's, with its French name. */
  written?: { lang: string; name: string };
  start: ReactNode;
  end: ReactNode;
}) {
  return (
    <li className="fr-card fr-card--horizontal fr-mb-2w">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h3 className="fr-card__title">
            <a href={props.href} lang={props.written?.lang}>
              {props.title}
            </a>
          </h3>
          {props.written ? (
            <p className="fr-badge fr-badge--sm fr-badge--info fr-mb-1w">
              {`Rédigée en ${props.written.name}`}
            </p>
          ) : null}
          <p className="fr-card__desc" lang={props.written?.lang}>
            {props.summary}
          </p>
          <div className="fr-card__start">
            <p className="fr-card__detail">{props.start}</p>
          </div>
          <div className="fr-card__end">
            <p className="fr-card__detail">{props.end}</p>
          </div>
        </div>
      </div>
    </li>
  );
}
