import { inArray, sql } from "drizzle-orm";
import { organisations } from "../platform/auth/schema";
import { insertInChunks } from "../platform/db/bulk";
import type { Tx } from "../platform/db/client";
import {
  DEMO_COLLECTIVITE_UNITS,
  DEMO_EMBASSY_COUNTRIES,
  DEMO_PREFECTURE_REGIONS,
  insertDemoUser,
  insertOrganisation,
} from "./organisations";
import type { Plan } from "./plan";

/** The DAECT, embassies, prefectures, operators, networks, and every demo account. */
export async function insertNationalOrganisations(
  tx: Tx,
  plan: Plan,
  passwordHash: string,
  countryByCode: Map<string, { nameFr: string }>,
  organisationIdByUnit: Map<string, number>,
  units: { id: string; kind: string; name: string; category: string | null }[],
) {
  const daect = await insertOrganisation(tx, {
    kind: "daect",
    name: "Délégation pour l'action extérieure des collectivités territoriales (DAECT)",
  });
  await insertDemoUser(tx, passwordHash, {
    email: "daect@example.org",
    displayName: "Morgane Lefèvre-Démo",
    jobTitle: "Chargée de mission, DAECT",
    organisationId: daect,
  });

  // One embassy per partner country; demo accounts in a few of them.
  const partnerCountries = [
    ...new Set(plan.authorities.map((authority) => authority.countryCode)),
  ].sort();
  const embassyRows = partnerCountries.map((code) => ({
    kind: "embassy" as const,
    name: `Ambassade de France – ${countryByCode.get(code)?.nameFr ?? code}`,
    countryCode: code,
  }));
  await insertInChunks(tx, organisations, embassyRows);
  const embassies = await tx
    .select({ id: organisations.id, countryCode: organisations.countryCode })
    .from(organisations)
    .where(inArray(organisations.kind, ["embassy"]));
  for (const code of DEMO_EMBASSY_COUNTRIES) {
    const embassy = embassies.find((row) => row.countryCode === code);
    if (!embassy) continue;
    await insertDemoUser(tx, passwordHash, {
      email: `ambassade-${code.toLowerCase()}@example.org`,
      displayName: `Yannick Moreau-Fictif (${code})`,
      jobTitle: "Conseiller(ère) de coopération et d'action culturelle",
      organisationId: embassy.id,
    });
  }

  // One prefecture of région per région.
  const regions = units.filter(
    (unit) => unit.kind === "region" && (unit.category === "metro" || unit.category === "drom"),
  );
  for (const region of regions) {
    const code = region.id.split(":")[1];
    const prefecture = await insertOrganisation(tx, {
      kind: "prefecture",
      name: `Préfecture de la région ${region.name}`,
      regionCode: code,
    });
    if (DEMO_PREFECTURE_REGIONS.includes(code)) {
      await insertDemoUser(tx, passwordHash, {
        email: `prefecture-${code}@example.org`,
        displayName: `Maxime Durand-Fictif (${code})`,
        jobTitle: "Conseiller(ère) diplomatique du préfet de région",
        organisationId: prefecture,
      });
    }
  }

  const operator = await insertOrganisation(tx, {
    kind: "operator",
    name: "Agence française de développement (AFD)",
  });
  await insertOrganisation(tx, { kind: "operator", name: "Expertise France" });
  await insertDemoUser(tx, passwordHash, {
    email: "operateur-afd@example.org",
    displayName: "Lou Bernard-Démo",
    jobTitle: "Chargé(e) de partenariats collectivités",
    organisationId: operator,
  });
  const network = await insertOrganisation(tx, {
    kind: "network",
    name: "Réseau régional multi-acteurs de Bretagne",
    regionCode: "53",
  });
  await insertDemoUser(tx, passwordHash, {
    email: "reseau-53@example.org",
    displayName: "Noa Petit-Exemple",
    jobTitle: "Coordinateur(rice) du réseau régional",
    organisationId: network,
  });

  for (const account of DEMO_COLLECTIVITE_UNITS) {
    const organisationId = organisationIdByUnit.get(account.unitId);
    if (!organisationId)
      throw new Error(`Demo collectivité ${account.unitId} missing from the dataset`);
    await insertDemoUser(tx, passwordHash, {
      email: account.email,
      displayName: account.person,
      jobTitle: "Chargé(e) des relations internationales",
      organisationId,
    });
  }

  // Foreign authorities with an account: the first two of each demo embassy country.
  for (const code of DEMO_EMBASSY_COUNTRIES) {
    const here = plan.authorities
      .map((authority, i) => ({ authority, id: i + 1 }))
      .filter(({ authority }) => authority.countryCode === code)
      .slice(0, 2);
    for (const [n, { authority, id }] of here.entries()) {
      const organisationId = await insertOrganisation(tx, {
        kind: "foreign_authority",
        name: authority.name,
        countryCode: code,
      });
      await tx.execute(
        sql`UPDATE register_foreign_authorities SET organisation_id = ${organisationId} WHERE id = ${id}`,
      );
      await insertDemoUser(tx, passwordHash, {
        email: `autorite-${code.toLowerCase()}-${n + 1}@example.org`,
        displayName: `Claude Moreau-Fictif (${authority.name})`,
        jobTitle: "Responsable de la coopération décentralisée",
        organisationId,
      });
    }
  }
}
