import type { ComparedField } from "../../../src/platform/errors";

/** Field by field, two versions of a record side by side. */
export function FieldComparison(props: {
  caption: string;
  before: string;
  after: string;
  fields: ComparedField[];
}) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Champ</th>
          <th scope="col">{props.before}</th>
          <th scope="col">{props.after}</th>
        </tr>
      </thead>
      <tbody>
        {props.fields.map((field) => (
          <tr key={field.field}>
            <th scope="row">{field.label}</th>
            <td>{field.before}</td>
            <td>{field.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
