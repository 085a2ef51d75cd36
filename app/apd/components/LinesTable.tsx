import { Button } from "@codegouvfr/react-dsfr/Button";
import type { LabelledLine } from "../../../src/modules/apd/index";
import { formatEuros } from "../../platform/format";
import { CsrfField } from "../../platform/components/CsrfField";

/** A declaration's lines with their total; with `editBase`, each line can be corrected or removed. */
export function LinesTable(props: {
  lines: LabelledLine[];
  editBase: string | null;
  csrfToken: string;
  version: number;
}) {
  if (props.lines.length === 0) return <p>Aucune ligne.</p>;
  const total = props.lines.reduce((sum, line) => sum + line.amountCents, 0);
  return (
    <div className="fr-table fr-table--no-caption">
      <table>
        <caption>Lignes de la déclaration</caption>
        <thead>
          <tr>
            <th scope="col">Pays bénéficiaire</th>
            <th scope="col">Secteur</th>
            <th scope="col">Montant</th>
            <th scope="col">Flux</th>
            <th scope="col">Canal</th>
            <th scope="col">Description</th>
            {props.editBase ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line, i) => (
            <tr key={line.id}>
              <td>{line.recipientLabel}</td>
              <td>{line.purposeLabel}</td>
              <td>{formatEuros(line.amountCents)}</td>
              <td>{line.flowLabel}</td>
              <td>{line.channelLabel}</td>
              <td>{line.description}</td>
              {props.editBase ? (
                <td>
                  <a href={`${props.editBase}/${line.id}`}>
                    Modifier<span className="fr-sr-only"> la ligne {i + 1}</span>
                  </a>
                  <form method="post">
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="lineId" value={line.id} />
                    <input type="hidden" name="version" value={props.version} />
                    <Button type="submit" priority="tertiary no outline" size="small">
                      Supprimer<span className="fr-sr-only"> la ligne {i + 1}</span>
                    </Button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td>{formatEuros(total)}</td>
            <td colSpan={props.editBase ? 4 : 3} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
