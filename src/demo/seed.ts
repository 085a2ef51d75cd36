import { count, inArray, sql } from "drizzle-orm";
import {
  collectivites,
  foreignAuthorities,
  partnershipCollectivites,
  partnershipForeignAuthorities,
  partnerships,
  projectCodes,
  projectCountries,
  projectFundings,
  projectPartnerships,
  projects,
} from "../modules/atlas/schema";
import { organisations } from "../platform/auth/schema";
import { insertInChunks } from "../platform/db/bulk";
import type { Database, Tx } from "../platform/db/client";
import { systemState } from "../platform/jobs/schema";
import { atlasDomains } from "../reference/data/themes";
import { cities, countries, territorialUnits } from "../reference/schema";
import { domainShares } from "./calibration";
import {
  DEMO_COLLECTIVITE_UNITS,
  DEMO_EMBASSY_COUNTRIES,
  DEMO_PREFECTURE_REGIONS,
  demoPasswordHash,
  insertDemoUser,
  insertOrganisation,
} from "./organisations";
import { type Plan, planDemoDataset } from "./plan";
import { Random, WeightedSampler, apportion } from "./random";
import { fictitiousPerson, projectText } from "./texts";

export interface SeedOptions {
  scale: number;
  seed?: number;
}

const PROJECT_BATCH = 5_000;

const PROJECTS_PER_PARTNERSHIP = { region: 6, departement: 3, epci: 2, commune: 1 } as const;

/** Fills an empty database with the demo dataset, in one transaction. */
export async function seedDemoDataset(database: Database, options: SeedOptions): Promise<Plan> {
  const seed = options.seed ?? 2026;
  const db = database.db;
  const units = await db
    .select({
      id: territorialUnits.id,
      kind: territorialUnits.kind,
      name: territorialUnits.name,
      population: territorialUnits.population,
      category: territorialUnits.category,
      regionCode: territorialUnits.regionCode,
      departementCode: territorialUnits.departementCode,
    })
    .from(territorialUnits);
  const countryRows = await db.select().from(countries);
  const cityRows = await db
    .select({
      id: cities.id,
      name: cities.name,
      countryCode: cities.countryCode,
      population: cities.population,
      latitude: cities.latitude,
      longitude: cities.longitude,
    })
    .from(cities);
  const plan = planDemoDataset({
    scale: options.scale,
    seed,
    requiredUnitIds: DEMO_COLLECTIVITE_UNITS.map((unit) => unit.unitId),
    units,
    countries: countryRows,
    cities: cityRows,
  });
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const countryByCode = new Map(countryRows.map((country) => [country.code, country]));
  const passwordHash = await demoPasswordHash();

  await db.transaction(async (tx) => {
    const random = new Random(seed + 1);
    // Organisations of every French collectivité in the dataset.
    const collectiviteOrganisations = plan.collectivites.map((collectivite) => {
      const unit = unitById.get(collectivite.unitId)!;
      return {
        kind: "collectivite" as const,
        name: collectiviteDisplayName(collectivite.kind, collectivite.name),
        unitId: collectivite.unitId,
        regionCode: unit.regionCode,
      };
    });
    await insertInChunks(tx, organisations, collectiviteOrganisations);
    const organisationIdByUnit = new Map(
      (
        await tx
          .select({ id: organisations.id, unitId: organisations.unitId })
          .from(organisations)
          .where(inArray(organisations.kind, ["collectivite"]))
      ).map((row) => [row.unitId!, row.id]),
    );

    await insertInChunks(
      tx,
      collectivites,
      plan.collectivites.map((collectivite, i) => {
        const unit = unitById.get(collectivite.unitId)!;
        const isLarge = collectivite.kind !== "commune" || collectivite.population > 50_000;
        return {
          id: i + 1,
          unitId: collectivite.unitId,
          organisationId: organisationIdByUnit.get(collectivite.unitId)!,
          kind: collectivite.kind,
          name: collectiviteDisplayName(collectivite.kind, collectivite.name),
          regionCode: unit.regionCode,
          departementCode: unit.departementCode,
          contactName: fictitiousPerson(random),
          contactTitle: isLarge
            ? "Chargé(e) de mission relations internationales"
            : "Secrétaire de mairie",
          contactEmail: `relations-internationales-${collectivite.unitId.replace(":", "-")}@example.org`,
          hasInternationalService: isLarge,
          yearlyBudgetCents: (isLarge ? random.int(50, 2_000) : random.int(1, 40)) * 1_000 * 100,
        };
      }),
    );

    await insertInChunks(
      tx,
      foreignAuthorities,
      plan.authorities.map((authority, i) => ({
        id: i + 1,
        name: authority.name,
        kind: authority.kind,
        countryCode: authority.countryCode,
        cityId: authority.cityId,
        latitude: authority.latitude,
        longitude: authority.longitude,
      })),
    );

    await insertInChunks(
      tx,
      partnerships,
      plan.partnerships.map((partnership, i) => {
        const authority = plan.authorities[partnership.authority];
        const collectivite = plan.collectivites[partnership.collectivite];
        return {
          id: i + 1,
          kind: partnershipKind(
            random,
            authority.continent,
            authority.countryCode,
            collectivite.kind,
          ),
          signedOn: signatureDate(random, authority.continent),
          status: random.next() < 0.88 ? ("active" as const) : ("en_sommeil" as const),
        };
      }),
    );
    await insertInChunks(
      tx,
      partnershipCollectivites,
      plan.partnerships.map((partnership, i) => ({
        partnershipId: i + 1,
        collectiviteId: partnership.collectivite + 1,
      })),
    );
    await insertInChunks(
      tx,
      partnershipForeignAuthorities,
      plan.partnerships.map((partnership, i) => ({
        partnershipId: i + 1,
        foreignAuthorityId: partnership.authority + 1,
      })),
    );

    await insertProjects(tx, plan, random);
    await insertNationalOrganisations(
      tx,
      plan,
      passwordHash,
      countryByCode,
      organisationIdByUnit,
      units,
    );

    for (const table of [
      "atlas_collectivites",
      "atlas_foreign_authorities",
      "atlas_partnerships",
      "atlas_projects",
    ]) {
      await tx.execute(
        sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${sql.identifier(table)}), false)`,
      );
    }
    const description = JSON.stringify({ scale: options.scale, seed });
    await tx
      .insert(systemState)
      .values({ key: "demo_dataset", value: description })
      .onConflictDoUpdate({
        target: systemState.key,
        set: { value: description, updatedAt: new Date() },
      });
  });
  return plan;
}

function collectiviteDisplayName(kind: string, name: string): string {
  switch (kind) {
    case "region":
      return `Région ${name}`;
    case "departement":
      return `Département ${/^[AEIOUYÉÈÎ]/.test(name) ? "d'" : "de "}${name}`.replace(
        "de La ",
        "de la ",
      );
    default:
      return name;
  }
}

const BORDER_COUNTRIES = new Set(["DE", "BE", "CH", "IT", "ES", "LU", "AD", "MC"]);

function partnershipKind(random: Random, continent: string, country: string, kind: string) {
  const roll = random.next();
  if (continent === "Europe") {
    if (BORDER_COUNTRIES.has(country) && roll < 0.12) return "transfrontaliere" as const;
    if (kind === "region" && roll < 0.4) return "interregionale" as const;
    return roll < 0.82
      ? ("jumelage" as const)
      : roll < 0.93
        ? ("pacte_amitie" as const)
        : ("charte" as const);
  }
  if (kind === "region" && roll < 0.3) return "interregionale" as const;
  return roll < 0.75
    ? ("convention" as const)
    : roll < 0.9
      ? ("jumelage" as const)
      : ("pacte_amitie" as const);
}

function signatureDate(random: Random, continent: string): string {
  const year = continent === "Europe" ? random.int(1956, 2023) : random.int(1985, 2024);
  return `${year}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
}

/** Domains in exact published proportions, shuffled so every continent gets a mix. */
function domainSequence(random: Random, total: number): string[] {
  const labels = Object.keys(domainShares);
  const counts = apportion(
    total,
    labels.map((label) => domainShares[label]),
  );
  const codeByLabel = new Map<string, string>(
    atlasDomains.map((domain) => [domain.label, domain.code]),
  );
  const sequence = labels.flatMap((label, i) => Array(counts[i]).fill(codeByLabel.get(label)!));
  return random.shuffle(sequence);
}

const FUNDING_SOURCES = [
  "meae_daect",
  "afd_ficol",
  "union_europeenne",
  "un_pourcent_eau",
  "partenaire_etranger",
  "autre",
];

async function insertProjects(tx: Tx, plan: Plan, random: Random) {
  const partnershipsByContinent = new Map<string, number[]>();
  plan.partnerships.forEach((partnership, i) => {
    if (!partnershipsByContinent.has(partnership.continent))
      partnershipsByContinent.set(partnership.continent, []);
    partnershipsByContinent.get(partnership.continent)!.push(i);
  });
  // Each project: the partnership it belongs to (or none: a project without partner country).
  const slots: (number | null)[] = [];
  for (const [continent, wanted] of Object.entries(plan.projectsByContinent)) {
    const list = partnershipsByContinent.get(continent) ?? [];
    // Régions and départements run more projects per partnership than communes.
    const sampler = new WeightedSampler(
      list.map(
        (i) => PROJECTS_PER_PARTNERSHIP[plan.collectivites[plan.partnerships[i].collectivite].kind],
      ),
    );
    for (let n = 0; n < wanted; n += 1)
      slots.push(list[n < list.length ? n : sampler.sample(random)]);
  }
  for (let n = 0; n < plan.projectsWithoutCountry; n += 1) slots.push(null);
  const domains = domainSequence(random, slots.length);
  const domainThemes = new Map<string, readonly (readonly [string, string])[]>(
    atlasDomains.map((d) => [d.code, d.themes]),
  );
  const largeCollectivites = plan.collectivites
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.kind !== "commune");

  for (let start = 0; start < slots.length; start += PROJECT_BATCH) {
    const rows: (typeof projects.$inferInsert)[] = [];
    const links: (typeof projectPartnerships.$inferInsert)[] = [];
    const countryLinks: (typeof projectCountries.$inferInsert)[] = [];
    const codeLinks: (typeof projectCodes.$inferInsert)[] = [];
    const fundings: (typeof projectFundings.$inferInsert)[] = [];
    for (let n = start; n < Math.min(slots.length, start + PROJECT_BATCH); n += 1) {
      const id = n + 1;
      const slot = slots[n];
      const partnership = slot === null ? null : plan.partnerships[slot];
      const collectiviteIndex = partnership
        ? partnership.collectivite
        : random.pick(largeCollectivites).i;
      const collectivite = plan.collectivites[collectiviteIndex];
      const authority = partnership ? plan.authorities[partnership.authority] : null;
      const themes = domainThemes.get(domains[n])!;
      const [themeCode] = random.pick(themes);
      const text = projectText(
        random,
        themeCode,
        collectivite.name,
        authority?.name ?? "plusieurs pays partenaires",
      );
      const startYear = random.int(2008, 2025);
      const endYear = startYear + random.int(1, 4);
      const budgetEuros = Math.round((Math.exp(random.next() * Math.log(80)) * 5_000) / 100) * 100;
      rows.push({
        id,
        title: text.title,
        domainCode: domains[n],
        objectives: text.objectives,
        description: text.description,
        context: text.context,
        startYear,
        endYear,
        status: endYear < 2026 ? "termine" : startYear > 2025 ? "en_projet" : "en_cours",
        totalBudgetCents: budgetEuros * 100,
        volunteers: random.int(0, 25),
        leadCollectiviteId: collectiviteIndex + 1,
      });
      if (slot !== null) links.push({ projectId: id, partnershipId: slot + 1 });
      if (authority) countryLinks.push({ projectId: id, countryCode: authority.countryCode });
      codeLinks.push({ projectId: id, list: "theme", code: themeCode });
      for (const goal of text.sdgs)
        codeLinks.push({ projectId: id, list: "sdg", code: String(goal) });
      // Funding lines add up exactly to the total budget.
      const ownShare = 0.3 + random.next() * 0.4;
      const own = Math.round(budgetEuros * ownShare) * 100;
      fundings.push({ projectId: id, sourceCode: "fonds_propres", amountCents: own });
      const otherSource = random.pick(FUNDING_SOURCES);
      fundings.push({
        projectId: id,
        sourceCode: otherSource,
        amountCents: budgetEuros * 100 - own,
      });
    }
    await insertInChunks(tx, projects, rows);
    await insertInChunks(tx, projectPartnerships, links);
    await insertInChunks(tx, projectCountries, countryLinks);
    await insertInChunks(tx, projectCodes, codeLinks);
    await insertInChunks(tx, projectFundings, fundings);
  }
}

/** The DAECT, embassies, prefectures, operators, networks, and every demo account. */
async function insertNationalOrganisations(
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
        sql`UPDATE atlas_foreign_authorities SET organisation_id = ${organisationId} WHERE id = ${id}`,
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

/** Seeds when the database holds no organisation yet (first start of a demo). */
export async function seedIfEmpty(database: Database, scale = 1): Promise<boolean> {
  const [{ value }] = await database.db.select({ value: count() }).from(organisations);
  if (value > 0) return false;
  await seedDemoDataset(database, { scale });
  return true;
}
