import { formToObject } from "../../src/platform/validation";

/** The fields of a submitted form as strings. */
export async function readForm(request: Request): Promise<Record<string, string>> {
  return formToObject(await request.formData());
}
