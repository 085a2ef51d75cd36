import type { ReactNode } from "react";

/** The key facts of a request or an offer, as a list of terms and values. */
export function FactList(props: { facts: [string, ReactNode][]; className?: string }) {
  return (
    <dl className={props.className}>
      {props.facts.map(([term, value]) => (
        <div key={term} className="fr-mb-1w">
          <dt className="fr-text--bold">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
