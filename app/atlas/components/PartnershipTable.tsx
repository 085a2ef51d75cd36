import { formatDate } from "../../platform/format";

interface Line {
  id: number;
  kindLabel: string;
  signedOn: string | null;
  collectivites: { id: number; name: string }[];
  authorities: { id: number; name: string; country?: string; countryCode: string }[];
}

/** Partnerships of a fiche, with links to the fiches of every party (and to edit, if allowed). */
export function PartnershipTable(props: { caption: string; lines: Line[]; editable?: boolean }) {
  if (props.lines.length === 0) return <p>Aucun partenariat n'est enregistré dans l'Atlas.</p>;
  return (
    <div className="fr-table">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Collectivités françaises</th>
            <th scope="col">Partenaires étrangers</th>
            <th scope="col">Type</th>
            <th scope="col">Signature</th>
            {props.editable ? <th scope="col">Modifier</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line) => (
            <tr key={line.id}>
              <td>
                {line.collectivites.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 ? ", " : ""}
                    <a href={`/atlas/collectivites/${c.id}`}>{c.name}</a>
                  </span>
                ))}
              </td>
              <td>
                {line.authorities.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? ", " : ""}
                    <a href={`/atlas/partenaires/${a.id}`}>{a.name}</a>
                    {a.country ? ` (${a.country})` : ""}
                  </span>
                ))}
              </td>
              <td>{line.kindLabel}</td>
              <td>{line.signedOn ? formatDate(line.signedOn, "longDate") : "—"}</td>
              {props.editable ? (
                <td>
                  <a href={`/atlas/partenariats/${line.id}/modifier`}>
                    {`Modifier le partenariat avec ${line.authorities.map((a) => a.name).join(", ")}`}
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
