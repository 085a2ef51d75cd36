import { formToObject, formToValues } from "../../src/platform/validation";

/** The fields of a submitted form as strings. */
export async function readForm(request: Request): Promise<Record<string, string>> {
  return formToObject(await request.formData());
}

/** The fields of a submitted form, the named list fields with all their values. */
export async function readFormWithLists(request: Request, listFields: readonly string[]) {
  return formToValues(await request.formData(), listFields);
}
