import { NotFound } from "../../src/platform/errors";

/** A numeric id from the URL; anything else is a page that does not exist. */
export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,9}$/.test(value)) throw new NotFound();
  return Number(value);
}
