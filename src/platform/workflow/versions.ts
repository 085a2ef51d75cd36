import { Conflict, Invalid } from "../errors";

/**
 * The version a form was opened on, sent back in its hidden field `version`. Every change
 * of a versioned record names it: a form without it is refused, never saved blindly.
 */
export function expectedVersion(value: unknown): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value))
    throw new Invalid(
      { version: "La version de la fiche est absente : rechargez la page puis recommencez." },
      "Le formulaire est incomplet.",
    );
  return Number(value);
}

/**
 * The one stale-form check: the record (read with its row locked) must still be at the
 * version the form was opened on, so two people cannot both save over each other.
 */
export function assertVersion(
  stored: { version: number },
  sent: unknown,
  stale: string | (() => Error),
): void {
  if (stored.version === expectedVersion(sent)) return;
  throw typeof stale === "string" ? new Conflict(stale) : stale();
}
