import type { ReactNode } from "react";

/**
 * The filters of a search page. On a phone the results come first and the filters open
 * under a « Filtrer » button (a native disclosure, so it works without script and with the
 * keyboard); on wider screens they are always shown beside the results (portail.css).
 * Open at once when the form came back with an error, so that the message is seen.
 */
export function FilterPanel(props: { children: ReactNode; open: boolean }) {
  return (
    <details className="filter-panel" open={props.open || undefined}>
      <summary className="fr-btn fr-btn--secondary fr-icon-filter-line fr-btn--icon-left">
        Filtrer
      </summary>
      {props.children}
    </details>
  );
}
