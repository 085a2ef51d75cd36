import { eq } from "drizzle-orm";
import type { PersonalDataProvider } from "../../platform/personal-data";
import { bourseInterests, bourseRequests } from "./schema";

/** The interests the person expressed in Bourse requests, with the contact details given. */
export const boursePersonalData: PersonalDataProvider = async (q, userId) => ({
  interetsBourse: await q
    .select({
      demande: bourseRequests.title,
      demandeNumero: bourseRequests.id,
      contact: bourseInterests.contactName,
      adresse: bourseInterests.contactEmail,
      message: bourseInterests.message,
      exprimeLe: bourseInterests.createdAt,
    })
    .from(bourseInterests)
    .innerJoin(bourseRequests, eq(bourseRequests.id, bourseInterests.requestId))
    .where(eq(bourseInterests.userId, userId)),
});
