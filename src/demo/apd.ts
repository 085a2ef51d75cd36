import { sql } from "drizzle-orm";
import {
  apdCampaigns,
  apdDeclarations,
  apdLines,
  apdSubmissionLines,
  apdSubmissions,
} from "../modules/apd/schema";
import { insertInChunks } from "../platform/db/bulk";
import type { Tx } from "../platform/db/client";
import { rebuildTotalCells } from "../modules/apd/index";
import type { Plan } from "./plan";
import { Random, apportion } from "./random";
import { fictitiousPerson } from "./texts";

/**
 * Three past e-APD campaigns calibrated on published-figures.json `apd` (docs/decisions/0018):
 * 82.9 M€ for 2016 in 98 countries, 116.1 M€ for 2018 (the AMF mémento's latest year) with
 * its top ten beneficiaries in order and about three quarters to Africa; 2017 between them.
 */
const YEARS = [
  { year: 2016, totalEuros: 82_900_000, countries: 98, declarers: 470 },
  { year: 2017, totalEuros: 99_500_000, countries: 101, declarers: 510 },
  { year: 2018, totalEuros: 116_100_000, countries: 104, declarers: 550 },
];

/** Shares of the latest year's top ten beneficiaries, in the published order. */
const TOP_TEN: [string, number][] = [
  ["MG", 0.095],
  ["SN", 0.086],
  ["ML", 0.074],
  ["BF", 0.068],
  ["MA", 0.059],
  ["HT", 0.046],
  ["BJ", 0.042],
  ["TG", 0.038],
  ["CM", 0.034],
  ["PS", 0.03],
];
const AFRICA_SHARE = 0.75;
const MULTI_COUNTRY_SHARE = 0.02;
/** Below the tenth's share, so the top ten stay the top ten. */
const OTHER_COUNTRY_CAP = 0.025;

/**
 * The OECD policy markers a line of that sector usually carries, as DAC members score them:
 * water and farming adapt to the climate, energy mitigates, environment protection is its
 * own principal objective, education and governance often aim at gender equality, health
 * and farming at nutrition, social services at disability inclusion. Deterministic, so that
 * the demo's random draws (and the published figures they make) do not move.
 */
function demoMarkers(purpose: string) {
  const sector = purpose.slice(0, 2);
  return {
    markerGender: ["11", "12", "13", "15", "16"].includes(sector) ? 1 : 0,
    markerEnvironment: sector === "41" ? 2 : ["14", "23", "31"].includes(sector) ? 1 : 0,
    markerBiodiversity: sector === "41" ? 1 : 0,
    markerClimateMitigation: sector === "23" ? 2 : 0,
    markerClimateAdaptation: ["14", "31"].includes(sector) ? 1 : sector === "41" ? 1 : 0,
    markerNutrition: purpose === "12240" || sector === "31" ? 1 : 0,
    markerDisability: sector === "16" ? 1 : 0,
  };
}

const SECTORS: [string, number][] = [
  ["14030", 9],
  ["14031", 5],
  ["14032", 3],
  ["14020", 2],
  ["14081", 1],
  ["31120", 5],
  ["31161", 3],
  ["31163", 1],
  ["31166", 2],
  ["43040", 3],
  ["11220", 5],
  ["11330", 4],
  ["11110", 1],
  ["11231", 2],
  ["15112", 6],
  ["15150", 3],
  ["15170", 1],
  ["12220", 4],
  ["12240", 1],
  ["13020", 1],
  ["12261", 1],
  ["16010", 1],
  ["16061", 2],
  ["32130", 2],
  ["41010", 1],
  ["41030", 1],
  ["23210", 2],
  ["43030", 2],
  ["72010", 2],
  ["74020", 1],
  ["99820", 2],
];

const DESCRIPTIONS: Record<string, string[]> = {
  "14": [
    "Adduction d'eau potable et latrines scolaires",
    "Forage et comité de gestion de l'eau",
    "Assainissement d'un quartier et formation des fontainiers",
  ],
  "31": [
    "Appui aux groupements maraîchers",
    "Banque de céréales et formation des producteurs",
    "Filière lait locale : équipement d'une mini-laiterie",
  ],
  "43": ["Aménagement de pistes rurales et marché", "Plan de développement local"],
  "11": [
    "Construction de salles de classe",
    "Formation professionnelle des jeunes aux métiers du bâtiment",
    "Bibliothèque et fournitures scolaires",
  ],
  "15": [
    "Appui à la maîtrise d'ouvrage communale et à l'état civil",
    "Formation des élus et agents municipaux",
    "Budget participatif et conseils de quartier",
  ],
  "12": [
    "Équipement d'un centre de santé",
    "Formation des agents de santé communautaire",
    "Maternité rurale et suivi prénatal",
  ],
  "13": ["Santé maternelle et planification familiale"],
  "16": ["Centre culturel et échanges artistiques", "Protection sociale des enfants des rues"],
  "32": ["Appui aux petites entreprises artisanales"],
  "41": ["Gestion des déchets et reboisement", "Protection d'une zone humide"],
  "23": ["Électrification solaire des équipements publics"],
  "72": ["Aide d'urgence après les inondations", "Soutien aux populations déplacées"],
  "74": ["Prévention des risques d'inondation"],
  "99": ["Éducation à la citoyenneté mondiale sur le territoire"],
};

const KIND_WEIGHT: Record<string, number> = { region: 6, departement: 4, epci: 2.5, commune: 1 };

interface DraftLine {
  declarer: number;
  recipient: string;
  weight: number;
}

function shuffleWindow(random: Random, year: number, late: boolean) {
  const day = late ? random.int(1, 25) : random.int(1, 61);
  const month = late ? 7 : day > 31 ? 6 : 5;
  const dayOfMonth = late ? day : day > 31 ? day - 31 : day;
  return new Date(Date.UTC(year + 1, month - 1, dayOfMonth, random.int(7, 17), random.int(0, 59)));
}

/** Declaration lines of one year at scale 1 (what the calibrated demo gives). */
const LINES_PER_YEAR = 1_640;

export async function insertApdDemo(
  tx: Tx,
  plan: Plan,
  countries: { code: string; continent: string; dacCategory: string | null }[],
  scale: number,
  seed: number,
) {
  const random = new Random(seed + 18);
  const dac = new Map(countries.filter((c) => c.dacCategory).map((c) => [c.code, c.continent]));
  // Each collectivité's partner countries on the DAC list, with how many partnerships.
  const partnerCountries = plan.collectivites.map(() => new Map<string, number>());
  const partnershipsByCountry = new Map<string, number>();
  for (const partnership of plan.partnerships) {
    const country = plan.authorities[partnership.authority].countryCode;
    if (!dac.has(country)) continue;
    const own = partnerCountries[partnership.collectivite];
    own.set(country, (own.get(country) ?? 0) + 1);
    partnershipsByCountry.set(country, (partnershipsByCountry.get(country) ?? 0) + 1);
  }
  const active = plan.collectivites.map((_, i) => i).filter((i) => partnerCountries[i].size > 0);
  const others = plan.collectivites.map((_, i) => i).filter((i) => partnerCountries[i].size === 0);
  const topCodes = new Set(TOP_TEN.map(([code]) => code));
  const rankedOthers = [...dac.keys()]
    .filter((code) => !topCodes.has(code))
    .sort(
      (a, b) =>
        (partnershipsByCountry.get(b) ?? 0) - (partnershipsByCountry.get(a) ?? 0) ||
        a.localeCompare(b),
    );

  let declarationId = 0;
  let submissionId = 0;
  for (const [index, config] of YEARS.entries()) {
    const [campaign] = await tx
      .insert(apdCampaigns)
      .values({
        year: config.year,
        opensOn: `${config.year + 1}-05-01`,
        closesOn: `${config.year + 1}-06-30`,
        message: "",
        openedByLabel: "DAECT – bureau de la coopération décentralisée",
        openedAt: new Date(Date.UTC(config.year + 1, 4, 1, 8)),
        closedAt: new Date(Date.UTC(config.year + 1, 8, 30, 16)),
      })
      .returning({ id: apdCampaigns.id });

    // Beneficiary countries of the year: the top ten, then the most partnered others.
    const chosen = [
      ...TOP_TEN.map(([code]) => code),
      ...rankedOthers.slice(0, config.countries - 10),
    ];
    const continentOf = (code: string) => dac.get(code) ?? "";
    const total = Math.round(config.totalEuros * scale) * 100;
    const jitter = index === YEARS.length - 1 ? 0 : 0.004;
    const topShares = TOP_TEN.map(([, share]) => share + (random.next() - 0.5) * jitter);
    const topAfrica = TOP_TEN.reduce(
      (sum, [code], i) => sum + (continentOf(code) === "Afrique" ? topShares[i] : 0),
      0,
    );
    const restCodes = chosen.slice(10);
    const restAfrica = restCodes.filter((code) => continentOf(code) === "Afrique");
    const restElsewhere = restCodes.filter((code) => continentOf(code) !== "Afrique");
    const topSum = topShares.reduce((a, b) => a + b, 0);
    const africaRest = AFRICA_SHARE - topAfrica - MULTI_COUNTRY_SHARE / 2;
    const elsewhereRest = 1 - topSum - africaRest - MULTI_COUNTRY_SHARE;
    const targets = new Map<string, number>();
    const cap = Math.floor(total * OTHER_COUNTRY_CAP);
    const share = (codes: string[], part: number) => {
      const amounts = apportion(
        Math.round(total * part),
        codes.map((code) => (partnershipsByCountry.get(code) ?? 0) + 2),
        5_000_00 * Math.max(1, scale),
        codes.map(() => cap),
      );
      codes.forEach((code, i) => {
        targets.set(code, amounts[i]);
      });
    };
    TOP_TEN.forEach(([code], i) => {
      targets.set(code, Math.round(total * topShares[i]));
    });
    share(restAfrica, africaRest);
    share(restElsewhere, elsewhereRest);
    const assigned = [...targets.values()].reduce((a, b) => a + b, 0);
    targets.set("298", Math.round((total - assigned) / 2));
    targets.set("998", total - assigned - Math.round((total - assigned) / 2));
    const chosenSet = new Set(targets.keys());

    // Who declares: collectivités with partners in the South, weighted by how many.
    const declarers = random.weightedSample(
      active,
      (i) =>
        [...partnerCountries[i].values()].reduce((a, b) => a + b, 0) *
        KIND_WEIGHT[plan.collectivites[i].kind],
      Math.min(active.length, Math.round(config.declarers * scale)),
    );
    // At larger scales each declaration holds more lines, so that the lines grow with the
    // scale like the rest of the dataset (about 1,640 a year at scale 1, 4,925 in all).
    const expectedLines = declarers.reduce(
      (sum, i) => sum + (plan.collectivites[i].kind === "commune" ? 2 : 5.5),
      0,
    );
    const linesFactor = scale > 1 ? Math.max(1, (LINES_PER_YEAR * scale) / expectedLines) : 1;
    const lines: DraftLine[] = [];
    for (const declarer of declarers) {
      const kind = plan.collectivites[declarer].kind;
      const own = [...partnerCountries[declarer].entries()].filter(([code]) => chosenSet.has(code));
      const count = Math.round(
        (kind === "commune" ? random.int(1, 3) : random.int(2, 9)) * linesFactor,
      );
      for (let n = 0; n < count; n += 1) {
        const recipient =
          random.next() < 0.06
            ? random.pick(["298", "998"])
            : own.length > 0
              ? own[random.weightedIndex(own.map(([, w]) => w))][0]
              : random.pick(chosen.slice(0, 20));
        lines.push({
          declarer,
          recipient,
          weight: (0.3 + random.next() * 2.7) * KIND_WEIGHT[kind],
        });
      }
    }
    // Every beneficiary of the year has at least one line.
    const covered = new Set(lines.map((line) => line.recipient));
    for (const code of chosenSet)
      if (!covered.has(code))
        lines.push({ declarer: random.pick(declarers), recipient: code, weight: 1 });

    // Each country's amount shared among its lines, to the cent.
    const amounts = new Map<DraftLine, number>();
    const byRecipient = new Map<string, DraftLine[]>();
    for (const line of lines) {
      const group = byRecipient.get(line.recipient);
      if (group) group.push(line);
      else byRecipient.set(line.recipient, [line]);
    }
    for (const [code, group] of byRecipient) {
      const target = targets.get(code) ?? 0;
      const parts = apportion(
        target,
        group.map((line) => line.weight),
        Math.min(1_000, Math.floor(target / group.length)),
      );
      group.forEach((line, i) => {
        amounts.set(line, parts[i]);
      });
    }

    const linesByDeclarer = new Map<number, DraftLine[]>();
    for (const line of lines) {
      const own = linesByDeclarer.get(line.declarer);
      if (own) own.push(line);
      else linesByDeclarer.set(line.declarer, [line]);
    }
    const nilDeclarers = random.weightedSample(others, () => 1, Math.round(120 * scale));
    const declarationRows: (typeof apdDeclarations.$inferInsert)[] = [];
    const submissionRows: (typeof apdSubmissions.$inferInsert)[] = [];
    const workingRows: (typeof apdLines.$inferInsert)[] = [];
    const frozenRows: (typeof apdSubmissionLines.$inferInsert)[] = [];
    const declare = (collectivite: number, own: DraftLine[]) => {
      declarationId += 1;
      submissionId += 1;
      const late = random.next() < 0.08;
      const submittedAt = shuffleWindow(random, config.year, late);
      const status = random.next() < 0.04 ? ("submitted" as const) : ("accepted" as const);
      declarationRows.push({
        id: declarationId,
        campaignId: campaign.id,
        year: config.year,
        collectiviteId: collectivite + 1,
        status,
        isNil: own.length === 0,
        hasChanges: false,
        late,
        firstSubmittedAt: submittedAt,
        reviewedAt:
          status === "accepted" ? new Date(submittedAt.getTime() + 20 * 86_400_000) : null,
        reviewedByLabel:
          status === "accepted" ? "DAECT – bureau de la coopération décentralisée" : null,
        createdAt: new Date(submittedAt.getTime() - 3 * 86_400_000),
        updatedAt: submittedAt,
      });
      const totalCents = own.reduce((sum, line) => sum + amounts.get(line)!, 0);
      submissionRows.push({
        id: submissionId,
        declarationId,
        number: 1,
        isNil: own.length === 0,
        late,
        lineCount: own.length,
        totalCents,
        submittedByLabel: fictitiousPerson(random),
        submittedByEmail: `relations-internationales-${plan.collectivites[collectivite].unitId.replace(":", "-")}@example.org`,
        submittedAt,
        receipt: {
          collectivite: "",
          reference: `APD-${config.year}-${String(collectivite + 1).padStart(6, "0")}-1`,
        },
      });
      own.forEach((line, position) => {
        const purpose = SECTORS[random.weightedIndex(SECTORS.map(([, w]) => w))][0];
        const row = {
          position: position + 1,
          recipientCode: line.recipient,
          purposeCode: purpose,
          amountCents: amounts.get(line)!,
          flow: random.next() < 0.01 ? ("pret" as const) : ("don" as const),
          channel: (
            ["direct", "direct", "direct", "ong", "ong", "collectivite", "multilateral"] as const
          )[random.int(0, 6)],
          projectId: null,
          description: random.pick(DESCRIPTIONS[purpose.slice(0, 2)] ?? DESCRIPTIONS["99"]),
          ...demoMarkers(purpose),
        };
        workingRows.push({ ...row, declarationId });
        frozenRows.push({
          ...row,
          submissionId,
          year: config.year,
          collectiviteId: collectivite + 1,
          counted: true,
        });
      });
    };
    for (const [declarer, own] of linesByDeclarer) declare(declarer, own);
    for (const collectivite of nilDeclarers) declare(collectivite, []);
    await insertInChunks(tx, apdDeclarations, declarationRows);
    await insertInChunks(tx, apdSubmissions, submissionRows);
    await insertInChunks(tx, apdLines, workingRows);
    await insertInChunks(tx, apdSubmissionLines, frozenRows);
  }
  await rebuildTotalCells(tx);
  // The receipts name the collectivité as it was called when it declared.
  await tx.execute(sql`
    UPDATE apd_submissions s SET receipt = jsonb_set(s.receipt, '{collectivite}', to_jsonb(c.name))
      FROM apd_declarations d JOIN register_collectivites c ON c.id = d.collectivite_id
     WHERE d.id = s.declaration_id`);
  for (const table of ["apd_declarations", "apd_submissions"])
    await tx.execute(
      sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${sql.identifier(table)}), false)`,
    );
}
