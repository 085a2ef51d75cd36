import type { ReactNode } from "react";

/** A request or an offer in a list: its linked title, summary, who and where, then what. */
export function BourseCard(props: {
  href: string;
  title: string;
  summary: string;
  start: ReactNode;
  end: ReactNode;
}) {
  return (
    <li className="fr-card fr-card--horizontal fr-mb-2w">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h3 className="fr-card__title">
            <a href={props.href}>{props.title}</a>
          </h3>
          <p className="fr-card__desc">{props.summary}</p>
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
