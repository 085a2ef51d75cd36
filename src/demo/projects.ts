import { sql } from "drizzle-orm";
import { atlasDomains } from "../reference/data/themes";
import {
  projectCodes,
  projectCountries,
  projectFundings,
  projectPartnerships,
  projects,
} from "../modules/atlas/schema";
import { insertInChunks } from "../platform/db/bulk";
import type { Tx } from "../platform/db/client";
import { refreshProjectIndex } from "../modules/atlas/project-index";
import { rebuildFacetCounts } from "../modules/atlas/search/facet-counts";
import { domainShares } from "./calibration";
import type { Plan } from "./plan";
import { Random, WeightedSampler, apportion } from "./random";
import { partnerSetting, ministryShare, themeWeights } from "./project-themes";
import { projectText } from "./texts";

const PROJECT_BATCH = 5_000;

const PROJECTS_PER_PARTNERSHIP = { region: 6, departement: 3, epci: 2, commune: 1 } as const;

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

/** How often a collectivité's project stays in its usual domain and thématique. */
const AFFINITY = 0.7;

/**
 * The same domains (same counts) given to the projects so that each collectivité mostly
 * works in one domain, as collectivités build expertise; projects without a known
 * collectivité take what is left. Its own random stream leaves other draws unchanged.
 */
function favouriteDomains(sequence: string[], collectivites: (number | null)[]): string[] {
  const affinity = new Random(0xd0_5a1e);
  const remaining = new Map<string, number>();
  for (const domain of sequence) remaining.set(domain, (remaining.get(domain) ?? 0) + 1);
  const draw = () => {
    const entries = [...remaining].filter(([, count]) => count > 0);
    const [domain] = entries[affinity.weightedIndex(entries.map(([, count]) => count))];
    return domain;
  };
  const take = (domain: string) => {
    remaining.set(domain, remaining.get(domain)! - 1);
    return domain;
  };
  const favourite = new Map<number, string>();
  const result: string[] = new Array(sequence.length);
  const order = affinity.shuffle(sequence.map((_, i) => i));
  for (const i of order) {
    const collectivite = collectivites[i];
    if (collectivite === null) continue;
    if (!favourite.has(collectivite)) favourite.set(collectivite, draw());
    const usual = favourite.get(collectivite)!;
    result[i] = take(affinity.next() < AFFINITY && remaining.get(usual)! > 0 ? usual : draw());
  }
  for (const i of order) if (collectivites[i] === null) result[i] = take(draw());
  return result;
}

const FUNDING_SOURCES = [
  "meae_daect",
  "afd_ficol",
  "union_europeenne",
  "un_pourcent_eau",
  "partenaire_etranger",
  "autre",
];

/** Projects of the plan, written in batches so memory stays flat at large scales. */
export async function insertProjects(
  tx: Tx,
  plan: Plan,
  random: Random,
  stepDone: (step: string) => void = () => undefined,
) {
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
  const collectiviteOfSlot = (slot: number | null) =>
    slot === null ? null : plan.partnerships[slot].collectivite;
  const domains = favouriteDomains(
    domainSequence(random, slots.length),
    slots.map(collectiviteOfSlot),
  );
  const affinity = new Random(0x7e3a_ae01);
  const favouriteTheme = new Map<string, string>();
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
      // The thématique fits the partner country (aid, Europe, other rich countries).
      const setting = partnerSetting(
        authority?.countryCode ?? null,
        partnership?.continent ?? null,
      );
      let [themeCode] = themes[random.weightedIndex(themeWeights(themes, setting))];
      // Within a domain, a collectivité mostly keeps to the thématique it started with.
      const usual = `${collectiviteIndex}:${domains[n]}:${setting}`;
      if (!favouriteTheme.has(usual)) favouriteTheme.set(usual, themeCode);
      else if (affinity.next() < AFFINITY) themeCode = favouriteTheme.get(usual)!;
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
      // Funding lines add up exactly to the total budget; the ministry's share follows
      // the published leverage of its calls, the others vary more.
      const spread = random.next();
      const otherSource = random.pick(FUNDING_SOURCES);
      const ownShare =
        otherSource === "meae_daect" ? 1 - ministryShare(spread) : 0.3 + spread * 0.4;
      const own = Math.round(budgetEuros * ownShare) * 100;
      fundings.push({ projectId: id, sourceCode: "fonds_propres", amountCents: own });
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
  // Partnerships and collectivités are all in place: the search rows can be built, with
  // fresh planner statistics (without them every per-project lookup becomes a full scan).
  stepDone("projets");
  await tx.execute(sql`ANALYZE`);
  for (let start = 1; start <= slots.length; start += PROJECT_BATCH)
    await refreshProjectIndex(
      tx,
      { fromId: start, toId: start + PROJECT_BATCH - 1 },
      { facetCounts: "rebuilt later" },
    );
  stepDone("index de recherche");
  await rebuildFacetCounts(tx);
  stepDone("facettes");
}
