import { eq, sql } from "drizzle-orm";
import { hashToken, newToken } from "../../platform/auth/tokens";
import { holdersOf } from "../../platform/policy";
import { type Queryable, type Tx, rowsOf } from "../../platform/db/client";
import type { RequestRow } from "./request-access";
import { bourseAuthorLinks } from "./schema";

/**
 * The link a mail gives the author: the request's page for an account, or a new private
 * link for an author without one (only its hash is stored). The new link ends the older
 * ones: a mail forwarded or left in an old mailbox opens nothing.
 */
export async function authorUrl(tx: Tx, request: RequestRow, publicUrl: string) {
  if (request.authorOrganisationId !== null) return `${publicUrl}/bourse/demandes/${request.id}`;
  const token = newToken();
  await tx.delete(bourseAuthorLinks).where(eq(bourseAuthorLinks.requestId, request.id));
  await tx.insert(bourseAuthorLinks).values({ tokenHash: hashToken(token), requestId: request.id });
  return `${publicUrl}/bourse/suivi/${token}`;
}

/** Those who follow the requests of a country (those who triage them): its French embassy and the DAECT. */
export const followersOf = (countryCode: string) =>
  holdersOf("bourse:request:triage", { countryCodes: [countryCode] });

export async function countryName(q: Queryable, code: string) {
  const [country] = rowsOf<{ name: string }>(
    await q.execute(sql`SELECT name_fr AS name FROM ref_countries WHERE code = ${code}`),
  );
  return country?.name ?? code;
}
