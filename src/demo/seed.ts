import { rebuildPartnerFigures } from "../modules/atlas/statistics/partner-figures";
import { count, inArray, sql } from "drizzle-orm";
import {
  partnershipCollectivites,
  partnershipForeignAuthorities,
  partnerships,
} from "../modules/atlas/schema";
import { organisations } from "../platform/auth/schema";
import { insertInChunks } from "../platform/db/bulk";
import type { Database } from "../platform/db/client";
import { systemState } from "../platform/jobs/schema";
import { cities, countries, territorialUnits } from "../reference/schema";
import { DEMO_COLLECTIVITE_UNITS, demoPasswordHash } from "./organisations";
import { insertNationalOrganisations } from "./national-organisations";
import { type Plan, planDemoDataset } from "./plan";
import { insertApdDemo } from "./apd";
import { insertBourseDemo } from "./bourse";
import { insertProjects } from "./projects";
import { Random } from "./random";
import { fictitiousPerson } from "./texts";
import { collectiviteNameOf, collectivites, foreignAuthorities } from "../modules/register/index";

export interface SeedOptions {
  scale: number;
  seed?: number;
  /** Told when each step ends, with its duration (npm run seed prints them). */
  onStep?: (step: string, seconds: number) => void;
}

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
      tncc: territorialUnits.tncc,
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

  let stepStarted = performance.now();
  const stepDone = (step: string) => {
    const now = performance.now();
    options.onStep?.(step, (now - stepStarted) / 1000);
    stepStarted = now;
  };
  await db.transaction(async (tx) => {
    const random = new Random(seed + 1);
    // Organisations of every French collectivité in the dataset.
    const collectiviteOrganisations = plan.collectivites.map((collectivite) => {
      const unit = unitById.get(collectivite.unitId)!;
      return {
        kind: "collectivite" as const,
        name: collectiviteNameOf(collectivite.kind, collectivite.name, unit.tncc),
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
          name: collectiviteNameOf(collectivite.kind, collectivite.name, unit.tncc),
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

    stepDone("collectivités, autorités, partenariats");
    await insertProjects(tx, plan, random, stepDone);
    await rebuildPartnerFigures(tx);
    stepDone("chiffres des partenaires");
    await insertApdDemo(tx, plan, countryRows, options.scale, seed);
    stepDone("e-APD");
    await insertNationalOrganisations(
      tx,
      plan,
      passwordHash,
      countryByCode,
      organisationIdByUnit,
      units,
    );
    await insertBourseDemo(tx, seed);
    stepDone("organisations nationales, Bourse");

    for (const table of [
      "register_collectivites",
      "register_foreign_authorities",
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

/** Seeds when the database holds no organisation yet (first start of a demo). */
export async function seedIfEmpty(database: Database, scale = 1): Promise<boolean> {
  const [{ value }] = await database.db.select({ value: count() }).from(organisations);
  if (value > 0) return false;
  await seedDemoDataset(database, { scale });
  return true;
}
