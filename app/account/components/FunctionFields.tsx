import { personFunctionLabels, personFunctions } from "../../../src/modules/accounts/codes";
import { SelectField, TextField, shownValue } from "../../platform/components/FormFields";
import type { FormFailure } from "../../platform/http.server";

/** The function a person holds: a list, and its wording when "Autre fonction". */
export function FunctionFields(props: {
  failure: FormFailure | undefined;
  stored?: { personFunction: string; functionOther: string };
}) {
  return (
    <>
      <SelectField
        name="personFunction"
        label="Votre fonction"
        options={personFunctions.map((value) => [value, personFunctionLabels[value]])}
        value={String(shownValue(props.failure, "personFunction", props.stored?.personFunction))}
        failure={props.failure}
      />
      <TextField
        name="functionOther"
        label="Votre fonction, si « Autre fonction »"
        defaultValue={props.stored?.functionOther}
        failure={props.failure}
      />
    </>
  );
}
