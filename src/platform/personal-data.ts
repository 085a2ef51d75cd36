import type { Queryable } from "./db/client";

/**
 * A module's share of what the portal keeps about a person, for the download of "Mon
 * compte" (RGPD art. 15 and 20): each module that stores personal data names it here, so
 * the download cannot forget a module.
 */
export type PersonalDataProvider = (
  q: Queryable,
  userId: number,
) => Promise<Record<string, unknown>>;
