import type { ComparedField } from "../../../src/platform/errors";
import { formatDate } from "../../lib/format";

export interface VersionEntry {
  version: number;
  actorLabel: string;
  createdAt: Date | string;
  fields: ComparedField[];
}

/** The saved versions of a record, newest first, each with what it changed. */
export function VersionHistory({ versions }: { versions: VersionEntry[] }) {
  if (versions.length === 0)
    return (
      <p>
        Aucune modification n'a encore été faite dans le portail : la fiche est celle de la reprise
        initiale des données de l'Atlas.
      </p>
    );
  return (
    <ol className="fr-raw-list">
      {versions.map((entry) => (
        <li key={entry.version} className="fr-mb-4w">
          <h2 className="fr-h5">{`Version n° ${entry.version} – ${formatDate(entry.createdAt, "dateTime")}`}</h2>
          <p>{`Par ${entry.actorLabel}`}</p>
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>{`Modifications de la version n° ${entry.version}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Champ</th>
                  <th scope="col">Avant</th>
                  <th scope="col">Après</th>
                </tr>
              </thead>
              <tbody>
                {entry.fields.map((field) => (
                  <tr key={field.field}>
                    <th scope="row">{field.label}</th>
                    <td>{field.before}</td>
                    <td>{field.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </li>
      ))}
    </ol>
  );
}
