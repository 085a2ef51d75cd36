import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../../tests/support/actors";
import { openTestDatabase, type TestDatabase } from "../../../../tests/support/database";
import type { SignedInActor } from "../../../platform/auth/actor";
import { createProject, updateProject } from "../editing/project-commands";
import { projectFormValues } from "../editing/project-input";
import { readProject } from "../editing/project-record";
import { atlasLabels } from "../labels";
import { parseProjectFilters } from "../search/filters";
import { exportColumns } from "./columns";
import { csvLinesFromDatabase } from "./csv-in-sql";
import { exportProjects } from "./export-rows";
import { csvChunks, csvHeader } from "./formats";
import { collectivites } from "../../register/index";

let database: TestDatabase;
let agent: SignedInActor;
let projectId: number;
const PUBLIC_URL = "https://portail.example.org";

beforeAll(async () => {
  database = await openTestDatabase();
  agent = await actorFor(database.db, "agent-35238@example.org");
  const [rennes] = await database.db
    .select({ id: collectivites.id })
    .from(collectivites)
    .where(eq(collectivites.unitId, "commune:35238"));
  // Text that CSV must quote: separators, quotes, line breaks of both kinds.
  ({ projectId } = await createProject(database.db, agent, rennes.id, {
    title: 'Le projet « "Eau; vie" » de Rennes',
    domainCode: "environnement-climat-energie",
    themes: ["eau-assainissement", "sante"],
    sdgs: ["6", "3"],
    countries: ["SN", "ML"],
    status: "en_cours",
    startYear: "2024",
    totalBudgetCents: "100 000,05",
    fundingSource1: "fonds_propres",
    fundingAmount1: "60 000,05",
    fundingSource2: "un_pourcent_eau",
    fundingAmount2: "40 000",
    objectives: "Première ligne;\nseconde ligne\r\ntroisième « ligne »",
    description: 'Un "forage" solaire',
  }));
});
afterAll(() => database.close());

async function text(chunks: AsyncIterable<string | Buffer>) {
  let all = "";
  for await (const chunk of chunks) all += chunk.toString();
  return all;
}

async function bothExports(query: string) {
  const labels = await atlasLabels(database.db);
  const filters = parseProjectFilters(new URLSearchParams(query));
  const columns = exportColumns(labels, PUBLIC_URL);
  const reference = await text(csvChunks(exportProjects(database.db, filters), columns));
  const fromDatabase =
    csvHeader(columns) + (await text(csvLinesFromDatabase(database.db, filters, PUBLIC_URL)));
  return { reference, fromDatabase, header: csvHeader(columns) };
}

describe("CSV written by the database", () => {
  for (const query of [
    "",
    "country=SN&theme=eau-assainissement",
    "q=eau vie rennes",
    "continent=Europe",
  ]) {
    it(`is byte for byte the CSV of the columns' definitions (${query || "every project"})`, async () => {
      const { reference, fromDatabase, header } = await bothExports(query);
      expect(fromDatabase.length).toBeGreaterThan(header.length);
      expect(fromDatabase).toBe(reference);
    });
  }

  it("writes a project's line again when the project is edited", async () => {
    const stored = (await readProject(database.db, projectId))!;
    await updateProject(database.db, agent, projectId, {
      ...projectFormValues(stored.input),
      version: String(stored.version),
      title: "Forage « solaire » ; deuxième tranche",
      countries: ["SN", "BF"],
      fundingSource2: "",
      fundingAmount2: "",
    });
    const { reference, fromDatabase } = await bothExports("country=BF&q=forage deuxième tranche");
    expect(fromDatabase).toContain('"Forage « solaire » ; deuxième tranche"');
    expect(fromDatabase).toContain("Burkina Faso | Sénégal");
    expect(fromDatabase).not.toContain("1 % eau");
    expect(fromDatabase).toBe(reference);
  });
});
