import type { ContinentFigures } from "../../../src/modules/atlas/codes";
import { formatCount } from "../../platform/format";

/** The Atlas figures by continent of the foreign partner (published-figures layout). */
export function ContinentTable(props: {
  caption: string;
  rows: ContinentFigures[];
  /** Each continent links to the search of its projects. */
  linkToSearch?: boolean;
  className?: string;
}) {
  return (
    <div className={["fr-table", props.className].filter(Boolean).join(" ")}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Continent</th>
            <th scope="col">Collectivités françaises</th>
            <th scope="col">Autorités partenaires</th>
            <th scope="col">Pays</th>
            <th scope="col">Projets</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.continent}>
              <th scope="row">
                {props.linkToSearch ? (
                  <a href={`/atlas/projets?continent=${encodeURIComponent(row.continent)}`}>
                    {row.continent}
                  </a>
                ) : (
                  row.continent
                )}
              </th>
              <td>{formatCount(row.collectivites)}</td>
              <td>{formatCount(row.authorities)}</td>
              <td>{formatCount(row.countries)}</td>
              <td>{formatCount(row.projects)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
