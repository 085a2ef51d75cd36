import type { RowError } from "../../../src/platform/errors";

/** The bad lines of an imported file: line, column and French message, one row each. */
export function RowErrorsTable(props: { rows: RowError[]; caption: string; id?: string }) {
  return (
    <div className="fr-table fr-mt-2w" id={props.id}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ligne</th>
            <th scope="col">Colonne</th>
            <th scope="col">Erreur</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={`${row.line}-${row.column}`}>
              <td>{row.line}</td>
              <td>{row.column}</td>
              <td>{row.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
