import type { ComparedField } from "../../../src/platform/errors";
import { formatDate } from "../../platform/format";
import { FieldComparison } from "./FieldComparison";

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
            <FieldComparison
              caption={`Modifications de la version n° ${entry.version}`}
              before="Avant"
              after="Après"
              fields={entry.fields}
            />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The history of a record under its edit form. */
export function VersionHistorySection({ versions }: { versions: VersionEntry[] }) {
  return (
    <section className="fr-mt-6w" aria-labelledby="historique">
      <h2 id="historique">Historique des modifications</h2>
      <VersionHistory versions={versions} />
    </section>
  );
}
