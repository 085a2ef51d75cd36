import {
  collectiviteCounts,
  collectiviteTypeShares,
  continentTargets,
  totals,
} from "./calibration";
import { Random, WeightedSampler, apportion } from "./random";
import type { CollectiviteKind } from "../modules/register/index";
import { ofPlace } from "../platform/french/place-names";
import { isPartnerCountry } from "../reference/partner-countries";

/** What the planner needs to know of the reference data. */
export interface PlanInput {
  scale: number;
  seed: number;
  /** Units that must take part (those of the demo accounts). */
  requiredUnitIds: string[];
  units: {
    id: string;
    kind: CollectiviteKind;
    name: string;
    population: number | null;
    category: string | null;
  }[];
  countries: { code: string; continent: string }[];
  cities: {
    id: number;
    name: string;
    countryCode: string;
    population: number;
    latitude: number;
    longitude: number;
  }[];
}

export interface PlannedCollectivite {
  unitId: string;
  kind: CollectiviteKind;
  name: string;
  population: number;
}
export interface PlannedAuthority {
  cityId: number;
  name: string;
  kind: "municipality" | "province" | "association";
  countryCode: string;
  continent: string;
  latitude: number;
  longitude: number;
}
export interface PlannedPartnership {
  collectivite: number; // index into collectivites
  authority: number; // index into authorities
  continent: string;
}

export interface Plan {
  collectivites: PlannedCollectivite[];
  authorities: PlannedAuthority[];
  partnerships: PlannedPartnership[];
  /** Number of projects to attach to the partnerships of each continent. */
  projectsByContinent: Record<string, number>;
  projectsWithoutCountry: number;
}

const KINDS: CollectiviteKind[] = ["region", "departement", "epci", "commune"];

/** Countries where French collectivités cooperate most, first in each continent's list. */
const USUAL_PARTNER_COUNTRIES = [
  "DE",
  "IT",
  "GB",
  "ES",
  "BE",
  "PL",
  "RO",
  "PT",
  "IE",
  "CH",
  "AT",
  "NL",
  "HU",
  "CZ",
  "GR",
  "SK",
  "LU",
  "SI",
  "HR",
  "BG",
  "LT",
  "LV",
  "EE",
  "DK",
  "SE",
  "FI",
  "NO",
  "UA",
  "MD",
  "RS",
  "SN",
  "ML",
  "BF",
  "MA",
  "MG",
  "BJ",
  "TG",
  "CM",
  "NE",
  "TN",
  "DZ",
  "CI",
  "MR",
  "GN",
  "CD",
  "CG",
  "GA",
  "TD",
  "CF",
  "BI",
  "RW",
  "KM",
  "DJ",
  "EG",
  "ZA",
  "GH",
  "NG",
  "KE",
  "ET",
  "MZ",
  "VN",
  "CN",
  "JP",
  "LB",
  "IL",
  "PS",
  "KH",
  "LA",
  "IN",
  "KR",
  "AM",
  "GE",
  "TR",
  "JO",
  "TH",
  "US",
  "CA",
  "MX",
  "HT",
  "CU",
  "NI",
  "GT",
  "SV",
  "HN",
  "CR",
  "DO",
  "PA",
  "JM",
  "BR",
  "CL",
  "AR",
  "PE",
  "CO",
  "BO",
  "EC",
  "UY",
  "PY",
  "VE",
  "SR",
  "GY",
  "AU",
  "NZ",
  "VU",
  "FJ",
];

/** How strongly each kind of collectivité reaches out beyond Europe. */
const REACH: Record<CollectiviteKind, number> = { region: 40, departement: 8, epci: 3, commune: 1 };

const CONTINENTS = Object.keys(continentTargets);

/** How often a collectivité's further partnership stays in a country it already works in. */
const AFFINITY = 0.6;

export function planDemoDataset(input: PlanInput): Plan {
  const random = new Random(input.seed);
  const collectivites = chooseCollectivites(input, random);
  const members = assignContinents(collectivites, random);
  const { authorities, authoritiesByContinent } = chooseAuthorities(input, random);
  const partnerships = pairPartnerships(
    collectivites,
    members,
    authoritiesByContinent,
    (authority) => authorities[authority].countryCode,
    input.scale,
    random,
  );
  const scale = input.scale;
  const projectsByContinent = Object.fromEntries(
    CONTINENTS.map((c) => [c, Math.round(continentTargets[c].projects * scale)]),
  );
  const withCountry = Object.values(continentTargets).reduce((sum, t) => sum + t.projects, 0);
  return {
    collectivites,
    authorities,
    partnerships,
    projectsByContinent,
    projectsWithoutCountry: Math.round((totals.projects - withCountry) * scale),
  };
}

/** French collectivités: the most populous units of each kind (with some randomness). */
function chooseCollectivites(input: PlanInput, random: Random): PlannedCollectivite[] {
  const scale = input.scale;
  const collectivites: PlannedCollectivite[] = [];
  for (const kind of KINDS) {
    const pool = input.units.filter(
      (unit) =>
        unit.kind === kind &&
        (kind !== "region" || unit.category === "metro" || unit.category === "drom"),
    );
    const wanted = Math.min(
      pool.length,
      Math.round(collectiviteCounts[kind] * (kind === "region" ? 1 : scale)),
    );
    const required = pool.filter((unit) => input.requiredUnitIds.includes(unit.id));
    const others = pool.filter((unit) => !input.requiredUnitIds.includes(unit.id));
    const chosen = [
      ...required,
      ...random.weightedSample(
        others,
        (unit) => Math.sqrt(unit.population ?? 1) + 1,
        wanted - required.length,
      ),
    ];
    for (const unit of chosen) {
      collectivites.push({
        unitId: unit.id,
        kind,
        name: unit.name,
        population: unit.population ?? 0,
      });
    }
  }

  return collectivites;
}

/** Which continents each collectivité is active on (a collectivité counts once per continent). */
function assignContinents(collectivites: PlannedCollectivite[], random: Random) {
  const ratio = collectivites.length / totals.collectivites;
  const members = new Map<string, Set<number>>(CONTINENTS.map((c) => [c, new Set<number>()]));
  const indexes = collectivites.map((_, i) => i);
  const reachWeight = (i: number) =>
    REACH[collectivites[i].kind] * Math.log10(10 + collectivites[i].population);
  for (const continent of CONTINENTS.filter((c) => c !== "Europe")) {
    const wanted = Math.round(continentTargets[continent].collectivites * ratio);
    for (const i of random.weightedSample(indexes, reachWeight, wanted))
      members.get(continent)!.add(i);
  }
  const outsideEurope = new Set<number>();
  for (const continent of CONTINENTS.filter((c) => c !== "Europe")) {
    for (const i of members.get(continent)!) outsideEurope.add(i);
  }
  const europe = members.get("Europe")!;
  for (const i of indexes) if (!outsideEurope.has(i)) europe.add(i);
  const europeWanted = Math.round(continentTargets.Europe.collectivites * ratio);
  const alsoEurope = europeWanted - europe.size;
  if (alsoEurope < 0) throw new Error("Too many collectivités outside Europe for the targets");
  for (const i of random.weightedSample([...outsideEurope], reachWeight, alsoEurope)) europe.add(i);

  return members;
}

/** Foreign partner countries and authorities (real cities, most populous more likely). */
function chooseAuthorities(input: PlanInput, random: Random) {
  const scale = input.scale;
  const citiesByCountry = new Map<string, PlanInput["cities"]>();
  for (const city of input.cities) {
    if (!citiesByCountry.has(city.countryCode)) citiesByCountry.set(city.countryCode, []);
    citiesByCountry.get(city.countryCode)!.push(city);
  }
  const authorities: PlannedAuthority[] = [];
  const authoritiesByContinent = new Map<string, number[]>();
  for (const continent of CONTINENTS) {
    const target = continentTargets[continent];
    const candidates = input.countries
      .filter((country) => country.continent === continent && isPartnerCountry(country.code))
      .filter((country) => (citiesByCountry.get(country.code)?.length ?? 0) > 0)
      .map((country) => {
        const rank = USUAL_PARTNER_COUNTRIES.indexOf(country.code);
        const cityCount = citiesByCountry.get(country.code)!.length;
        return {
          code: country.code,
          rank: rank === -1 ? 1000 - Math.log(cityCount) : rank,
          cityCount,
        };
      })
      .sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code))
      .slice(0, target.countries);
    if (candidates.length < target.countries)
      throw new Error(`Not enough countries in ${continent}`);
    const capacities = candidates.map((country) =>
      Math.max(1, Math.floor(country.cityCount * 0.6)),
    );
    const wanted = Math.min(
      Math.round(target.authorities * scale),
      capacities.reduce((a, b) => a + b, 0),
    );
    const perCountry = apportion(
      wanted,
      candidates.map((_, position) => 1 / (position + 1.5)),
      1,
      capacities,
    );
    const indexesHere: number[] = [];
    candidates.forEach((country, position) => {
      const cities = random.weightedSample(
        citiesByCountry.get(country.code)!,
        (city) => Math.sqrt(city.population),
        perCountry[position],
      );
      for (const city of cities) {
        const roll = random.next();
        const kind = roll < 0.93 ? "municipality" : roll < 0.98 ? "province" : "association";
        const name =
          kind === "municipality"
            ? city.name
            : kind === "province"
              ? `Province ${ofPlace(city.name, null)}`
              : `Association des communes de la région ${ofPlace(city.name, null)}`;
        indexesHere.push(authorities.length);
        authorities.push({
          cityId: city.id,
          name,
          kind,
          countryCode: country.code,
          continent,
          latitude: city.latitude,
          longitude: city.longitude,
        });
      }
    });
    authoritiesByContinent.set(continent, indexesHere);
  }

  return { authorities, authoritiesByContinent };
}

/**
 * Partnerships per continent: every member and every authority has at least one. A
 * collectivité's further partnerships go, more often than not, to a country where it
 * already cooperates, as in the Atlas, where cooperation concentrates on a few countries.
 */
function pairPartnerships(
  collectivites: PlannedCollectivite[],
  members: Map<string, Set<number>>,
  authoritiesByContinent: Map<string, number[]>,
  countryOf: (authority: number) => string,
  scale: number,
  random: Random,
): PlannedPartnership[] {
  // A stream of its own, so the affinity leaves every other draw of the dataset unchanged.
  const affinity = new Random(0x5eed_c0de);
  const partnershipTotal = Math.round(totals.partnerships * scale);
  const minimum = CONTINENTS.map((c) =>
    Math.max(members.get(c)!.size, authoritiesByContinent.get(c)!.length),
  );
  const extraByContinent = apportion(
    partnershipTotal - minimum.reduce((a, b) => a + b, 0),
    CONTINENTS.map((c) => continentTargets[c].projects),
  );
  const partnershipsByContinent = CONTINENTS.map((_, i) => minimum[i] + extraByContinent[i]);

  // Partnership ends per kind of collectivité follow the published shares.
  const kindTargets = apportion(
    partnershipTotal,
    KINDS.map((kind) => collectiviteTypeShares[kind]),
  );
  const remainingByKind = new Map(KINDS.map((kind, i) => [kind, kindTargets[i]]));
  for (const continent of CONTINENTS) {
    for (const i of members.get(continent)!) {
      const kind = collectivites[i].kind;
      remainingByKind.set(kind, remainingByKind.get(kind)! - 1);
    }
  }
  for (const [kind, remaining] of remainingByKind) {
    if (remaining < 0) throw new Error(`More ${kind} memberships than ${kind} partnerships`);
  }

  // Europe last: it has every kind, so it absorbs exactly what the other continents leave.
  const order = [...CONTINENTS.filter((c) => c !== "Europe"), "Europe"];
  const partnerships: PlannedPartnership[] = [];
  for (const continent of order) {
    const position = CONTINENTS.indexOf(continent);
    const memberList = [...members.get(continent)!];
    const byKind = new Map(
      KINDS.map((kind) => [kind, memberList.filter((i) => collectivites[i].kind === kind)]),
    );
    // Larger collectivités carry more partnerships.
    const samplers = new Map(
      KINDS.map((kind) => [
        kind,
        new WeightedSampler(
          byKind.get(kind)!.map((i) => Math.log10(10 + collectivites[i].population)),
        ),
      ]),
    );
    const ends = [...memberList];
    const extra = partnershipsByContinent[position] - memberList.length;
    for (let n = 0; n < extra; n += 1) {
      const eligible = KINDS.filter(
        (kind) => byKind.get(kind)!.length > 0 && remainingByKind.get(kind)! > 0,
      );
      if (eligible.length === 0)
        throw new Error(`No collectivité left for a partnership in ${continent}`);
      const kind =
        continent === "Europe"
          ? eligible[random.weightedIndex(eligible.map((k) => remainingByKind.get(k)!))]
          : eligible[
              random.weightedIndex(
                eligible.map((k) => remainingByKind.get(k)! * byKind.get(k)!.length),
              )
            ];
      remainingByKind.set(kind, remainingByKind.get(kind)! - 1);
      const pool = byKind.get(kind)!;
      ends.push(pool[samplers.get(kind)!.sample(random)]);
    }
    random.shuffle(ends);
    const authorityList = authoritiesByContinent.get(continent)!;
    const byCountry = new Map<string, number[]>();
    for (const authority of authorityList) {
      const code = countryOf(authority);
      if (!byCountry.has(code)) byCountry.set(code, []);
      byCountry.get(code)!.push(authority);
    }
    const countriesOf = new Map<number, string[]>();
    const seen = new Set<string>();
    ends.forEach((collectivite, n) => {
      let authority = n < authorityList.length ? authorityList[n] : random.pick(authorityList);
      const known = countriesOf.get(collectivite) ?? [];
      if (n >= authorityList.length && known.length > 0 && affinity.next() < AFFINITY)
        authority = affinity.pick(byCountry.get(affinity.pick(known))!);
      for (
        let attempt = 0;
        attempt < 10 && seen.has(`${collectivite}:${authority}`);
        attempt += 1
      ) {
        authority = random.pick(authorityList);
      }
      seen.add(`${collectivite}:${authority}`);
      countriesOf.set(collectivite, [...known, countryOf(authority)]);
      partnerships.push({ collectivite, authority, continent });
    });
  }

  return partnerships;
}
