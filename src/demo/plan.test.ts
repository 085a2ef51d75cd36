import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { planDemoDataset } from "./plan";
import { apportion } from "./random";

const units = [
  ...Array.from({ length: 18 }, (_, i) => ({
    id: `region:${i}`,
    kind: "region" as const,
    name: `R${i}`,
    population: 1e6,
    category: "metro",
  })),
  ...Array.from({ length: 100 }, (_, i) => ({
    id: `departement:${i}`,
    kind: "departement" as const,
    name: `D${i}`,
    population: 5e5,
    category: "metro",
  })),
  ...Array.from({ length: 400 }, (_, i) => ({
    id: `epci:${i}`,
    kind: "epci" as const,
    name: `E${i}`,
    population: 5e4,
    category: "CC",
  })),
  ...Array.from({ length: 5000 }, (_, i) => ({
    id: `commune:${i}`,
    kind: "commune" as const,
    name: `C${i}`,
    population: 1000 + i,
    category: "metro",
  })),
];
const continents = [
  "Europe",
  "Afrique",
  "Asie",
  "Amérique du Nord",
  "Amérique centrale et Caraïbes",
  "Amérique du Sud",
  "Océanie",
];
const countries = continents.flatMap((continent, c) =>
  Array.from({ length: 60 }, (_, i) => ({ code: `${c}${i}`, continent })),
);
let nextCityId = 1;
const cities = countries.flatMap((country) =>
  Array.from({ length: 300 }, (_, i) => ({
    id: nextCityId++,
    name: `${country.code}-${i}`,
    countryCode: country.code,
    population: 1000 + i,
    latitude: 0,
    longitude: 0,
  })),
);
const input = { scale: 1, seed: 7, requiredUnitIds: ["commune:42"], units, countries, cities };

const fingerprint = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex");

describe("demo dataset planning", () => {
  it("is deterministic for a given seed and differs for another", () => {
    expect(fingerprint(planDemoDataset(input))).toBe(fingerprint(planDemoDataset(input)));
    expect(fingerprint(planDemoDataset({ ...input, seed: 8 }))).not.toBe(
      fingerprint(planDemoDataset(input)),
    );
  });

  it("always includes the required units", () => {
    const plan = planDemoDataset(input);
    expect(plan.collectivites.some((c) => c.unitId === "commune:42")).toBe(true);
  });

  it("gives every collectivité and every authority at least one partnership", () => {
    const plan = planDemoDataset(input);
    const withPartnership = new Set(plan.partnerships.map((p) => p.collectivite));
    const authoritiesUsed = new Set(plan.partnerships.map((p) => p.authority));
    expect(withPartnership.size).toBe(plan.collectivites.length);
    expect(authoritiesUsed.size).toBe(plan.authorities.length);
  });
});

describe("apportion", () => {
  it("uses the largest remainder and keeps the total", () => {
    expect(apportion(10440, [0.81, 0.075, 0.07, 0.045])).toEqual([8456, 783, 731, 470]);
  });
  it("respects minimums and capacities", () => {
    const parts = apportion(20, [10, 1, 1], 1, [5, 100, 100]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(parts[0]).toBe(5);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(1);
  });
});
