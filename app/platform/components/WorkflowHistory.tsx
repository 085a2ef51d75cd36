import { formatDate } from "../format";

/** One event of a record's history, as loaders send it (dates serialised). */
export interface HistoryRow {
  id: number;
  at: string | Date;
  label: string;
  by: string;
  reason: string | null;
}

/**
 * A record's history, read from its workflow's event rows: when, what, by which
 * organisation, and why. Shown to those who act on the record, never to the public.
 */
export function WorkflowHistory(props: { history: HistoryRow[]; id: string }) {
  if (props.history.length === 0) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>Historique</h2>
      <div className="fr-table fr-table--no-caption">
        <table>
          <caption>Historique des étapes</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Étape</th>
              <th scope="col">Par</th>
              <th scope="col">Motif ou message</th>
            </tr>
          </thead>
          <tbody>
            {props.history.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDate(entry.at, "dateTime")}</td>
                <td>{entry.label}</td>
                <td>{entry.by}</td>
                <td>{entry.reason ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
