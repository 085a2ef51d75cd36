import type { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../../tests/support/database";
import { rowsOf } from "../../../platform/db/client";
import { parseProjectFilters } from "../search/filters";
import { projectExport } from "./project-export";

let database: TestDatabase;
let projects = 0;
const GENERATED = 300_000;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  // 300,000 more projects, each a copy of a demo project (texts cut short), with their
  // search rows and export lines: what the export reads.
  await db.transaction(async (tx) => {
    const [{ demo, top }] = rowsOf<{ demo: number; top: number }>(
      await tx.execute(sql`SELECT count(*)::int AS demo, max(id) AS top FROM atlas_projects`),
    );
    await tx.execute(sql`
      INSERT INTO atlas_projects (id, title, domain_code, objectives, description, start_year,
                                  end_year, status, total_budget_cents, lead_collectivite_id)
      SELECT ${top} + g, p.title || ' (copie ' || g || ')', p.domain_code,
             left(p.objectives, 120), left(p.description, 240), p.start_year, p.end_year,
             p.status, p.total_budget_cents, p.lead_collectivite_id
        FROM generate_series(1, ${GENERATED}) g
        JOIN atlas_projects p ON p.id = 1 + (g % ${demo})`);
    await tx.execute(sql`
      INSERT INTO atlas_project_index
      SELECT ${top} + g, p.title, i.status, i.start_year, i.end_year, i.continents, i.countries,
             i.regions, i.departements, i.collectivites, i.collectivite_kinds, i.themes,
             i.partnership_kinds, i.fundings, i.sdgs, i.collectivite_names, i.authority_names,
             i.funding_lines, i.latitude, i.longitude, i.document
        FROM generate_series(1, ${GENERATED}) g
        JOIN atlas_project_index i ON i.project_id = 1 + (g % ${demo})
        JOIN atlas_projects p ON p.id = ${top} + g`);
    // The head of the copied project's line (its identifier and title are the copy's
    // own only in the export's parity test: here bytes and lines are counted).
    await tx.execute(sql`
      INSERT INTO atlas_export_lines
      SELECT ${top} + g, l.head
        FROM generate_series(1, ${GENERATED}) g
        JOIN atlas_export_lines l ON l.project_id = 1 + (g % ${demo})`);
  });
  [{ projects }] = rowsOf<{ projects: number }>(
    await db.execute(sql`SELECT count(*)::int AS projects FROM atlas_project_index`),
  );
}, 600_000);
afterAll(() => database.close());

const collect = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * Reads a stream to its end, counting bytes, lines and chunks; and the most memory the
 * process kept alive meanwhile (measured after a collection every few chunks).
 */
async function drain(body: Readable) {
  collect();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let bytes = 0;
  let lines = 0;
  let chunks = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    chunks += 1;
    for (const byte of chunk) if (byte === 10) lines += 1;
    if (chunks % 16 === 0) {
      collect();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  return { bytes, lines, chunks, heapGrowth: peak - baseline };
}

const MB = 1024 * 1024;

describe("exports of 300,000 projects", () => {
  it("stream the CSV in windows of rows: every project, while memory stays flat", async () => {
    expect(projects).toBeGreaterThan(GENERATED);
    const exported = await projectExport(
      database.db,
      parseProjectFilters(new URLSearchParams()),
      "csv",
      {
        publicUrl: "https://portail.example",
        now: new Date(),
      },
    );
    const { bytes, lines, chunks, heapGrowth } = await drain(exported.body);
    expect(lines).toBe(projects + 1);
    // Sent window after window, never as one piece…
    expect(chunks).toBeGreaterThan(projects / 2_000);
    // …and more text than the heap ever held: the export was never kept whole.
    expect(bytes).toBeGreaterThan(180 * MB);
    expect(heapGrowth).toBeLessThan(64 * MB);
  }, 600_000);

  it("stream the XLSX through the spreadsheet's streaming writer, with the same bound", async () => {
    const exported = await projectExport(
      database.db,
      parseProjectFilters(new URLSearchParams()),
      "xlsx",
      { publicUrl: "https://portail.example", now: new Date() },
    );
    const { bytes, heapGrowth } = await drain(exported.body);
    // A zipped workbook: smaller than the CSV, but still far more than a window of rows.
    expect(bytes).toBeGreaterThan(20 * MB);
    expect(heapGrowth).toBeLessThan(64 * MB);
  }, 600_000);
});
