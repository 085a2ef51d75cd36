import { hashPassword } from "../platform/auth/passwords";
import { memberships, organisations, users } from "../platform/auth/schema";
import type { Tx } from "../platform/db/client";

export const DEMO_PASSWORD = "Demo-AECT-2026!";

/** Units of the demo collectivité accounts: a commune, an EPCI, a département, a région. */
export const DEMO_COLLECTIVITE_UNITS = [
  { unitId: "commune:35238", email: "agent-35238@example.org", person: "Camille Martin-Exemple" },
  {
    unitId: "epci:243500139",
    email: "agent-243500139@example.org",
    person: "Dominique Durand-Fictif",
  },
  { unitId: "departement:35", email: "agent-35@example.org", person: "Alix Bernard-Démo" },
  { unitId: "region:53", email: "agent-53@example.org", person: "Sacha Petit-Exemple" },
];

export const DEMO_EMBASSY_COUNTRIES = ["SN", "MA", "MG"];
export const DEMO_PREFECTURE_REGIONS = ["53", "84"];

type OrganisationRow = typeof organisations.$inferInsert;

export async function insertOrganisation(tx: Tx, row: OrganisationRow): Promise<number> {
  const [created] = await tx.insert(organisations).values(row).returning({ id: organisations.id });
  return created.id;
}

/** Creates a demo user (fictitious person, example.org address) as administrator of one organisation. */
export async function insertDemoUser(
  tx: Tx,
  passwordHash: string,
  user: { email: string; displayName: string; jobTitle: string; organisationId: number },
): Promise<void> {
  const [created] = await tx
    .insert(users)
    .values({
      email: user.email,
      displayName: user.displayName,
      jobTitle: user.jobTitle,
      passwordHash,
    })
    .returning({ id: users.id });
  await tx
    .insert(memberships)
    .values({ userId: created.id, organisationId: user.organisationId, isAdmin: true });
}

export const demoPasswordHash = () => hashPassword(DEMO_PASSWORD);
