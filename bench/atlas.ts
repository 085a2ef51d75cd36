import { sql } from "drizzle-orm";
import { Random } from "../src/demo/random";
import { countProjects, findProjects, parseProjectFilters } from "../src/modules/atlas/index";
import { changing } from "../src/platform/changes";
import { type Database, rowsOf } from "../src/platform/db/client";
import { atlasDomains } from "../src/reference/data/themes";
import { measureRequests } from "./http";
import { startInstance } from "./load";
import { freePort, staticPages } from "./nginx";
import { percentile } from "./percentile";

type Emit = (metric: string, value: number, unit: string) => void;

const KEYWORDS = [
  "eau",
  "santé",
  "formation",
  "culture",
  "agriculture",
  "déchets",
  "énergie",
  "patrimoine",
  "jeunesse",
  "tourisme",
];
const CONTINENTS = ["Afrique", "Europe", "Asie", "Amérique du Sud", "Amérique du Nord"];
const THEMES = atlasDomains.flatMap((domain) => domain.themes.map(([code]) => code));
const STATUSES = ["en_projet", "en_cours", "termine"];

/**
 * Search as the search page runs it (a page of results, the total and every facet), each
 * time with a different keyword and three filters so that no cache answers.
 */
export async function benchSearch(database: Database, emit: Emit) {
  const random = new Random(7);
  const timings: number[] = [];
  for (let n = 0; n < 220; n += 1) {
    const params = new URLSearchParams({
      q: random.pick(KEYWORDS),
      continent: random.pick(CONTINENTS),
      theme: random.pick(THEMES),
      status: random.pick(STATUSES),
    });
    const filters = parseProjectFilters(params);
    const started = performance.now();
    await findProjects(database.db, filters, { limit: 20 });
    await countProjects(database.db, filters);
    if (n >= 20) timings.push(performance.now() - started); // the first ones warm the caches
  }
  timings.sort((a, b) => a - b);
  emit("atlas_search.p50_ms", percentile(timings, 50), "ms");
  emit("atlas_search.p95_ms", percentile(timings, 95), "ms");
}

/** The searches the issue names, each on the search page and the API. */
const SEARCH_KINDS = {
  no_filter: "",
  one_continent: "continent=Afrique",
  frequent_word: "q=formation",
  keyword_3_filters: "q=eau&continent=Afrique&theme=eau-assainissement&status=en_cours",
} as const;

/**
 * Each kind of search with its facets: cold (the first time after a write, nothing
 * cached by the portal) and warm (asked again), on the page and on the API.
 */
async function benchSearchKinds(database: Database, baseUrl: string, emit: Emit) {
  for (const [kind, query] of Object.entries(SEARCH_KINDS)) {
    for (const [surface, path] of [
      ["page", `/atlas/projets?${query}`],
      ["api", `/api/v1/projects?${query}${query ? "&" : ""}limit=20`],
    ] as const) {
      const colds: number[] = [];
      for (let n = 0; n < 5; n += 1) {
        await changing(database.db, "atlas", async () => undefined);
        const started = performance.now();
        const response = await fetch(baseUrl + path);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${path} : HTTP ${response.status}`);
        colds.push(performance.now() - started);
      }
      const warms: number[] = [];
      for (let n = 0; n < 40; n += 1) {
        const started = performance.now();
        await (await fetch(baseUrl + path)).arrayBuffer();
        warms.push(performance.now() - started);
      }
      colds.sort((a, b) => a - b);
      warms.sort((a, b) => a - b);
      emit(`atlas_search.${kind}.${surface}.cold_max_ms`, colds.at(-1)!, "ms");
      emit(`atlas_search.${kind}.${surface}.warm_p95_ms`, percentile(warms, 95), "ms");
    }
  }
}

/**
 * The CSV export of the projects in Africa (about 300,000 at scale 100), read as a client
 * would. On PostgreSQL a `node server.js` instance serves it alone and its peak resident
 * memory is read from /proc; on PGlite the portal of this process does (database included).
 */
async function benchCsvExport(
  database: Database,
  baseUrl: string,
  databaseUrl: string | null,
  emit: Emit,
) {
  const query = "continent=Afrique";
  const [{ projects }] = rowsOf<{ projects: number }>(
    await database.db.execute(
      sql`SELECT count(*)::int AS projects FROM atlas_project_index
           WHERE document @@ 'continent=Afrique'::tsquery`,
    ),
  );
  const instance = databaseUrl
    ? await startInstance(process.cwd(), { databaseUrl }, await freePort())
    : null;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const started = performance.now();
    const url = `${instance ? `http://127.0.0.1:${instance.port}` : baseUrl}/api/v1/projects/export?format=csv&${query}`;
    const response = await fetch(url);
    let lines = 0;
    // Line ends found by the buffer's own search: a loop over every byte in JavaScript
    // would make this client, not the server, the limit.
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    if (lines - 1 !== projects)
      throw new Error(`export CSV : ${lines - 1} lignes pour ${projects} projets`);
    emit("atlas_csv_export.rows", projects, "rows");
    emit("atlas_csv_export.rows_per_s", projects / seconds, "rows/s");
    emit(
      instance ? "atlas_csv_export.server_peak_rss_mb" : "atlas_csv_export.process_peak_rss_mb",
      instance ? instance.peakRssMb() : peak / 1024 / 1024,
      "MB",
    );
  } finally {
    clearInterval(sampler);
    instance?.stop();
  }
}

/** A project fiche: rendered, revalidated with its ETag, and the same HTML from nginx. */
async function benchFiche(baseUrl: string, duration: number, emit: Emit) {
  const url = `${baseUrl}/atlas/projets/1`;
  const first = await fetch(url);
  const html = await first.text();
  const etag = first.headers.get("etag") ?? "";
  const rendered = await measureRequests(url, { duration });
  const cached = await measureRequests(url, {
    duration,
    headers: { "if-none-match": etag },
    expectStatus: 304,
  });
  emit("atlas_fiche.served_requests_per_s", rendered.requestsPerSecond, "req/s");
  emit("atlas_fiche.cached_requests_per_s", cached.requestsPerSecond, "req/s");
  emit("atlas_fiche.cached_latency_p95_ms", cached.p95, "ms");
  const nginxPort = await freePort();
  const nginx = await staticPages(
    [{ path: "/atlas/projets/1", body: html, type: "text/html; charset=utf-8" }],
    nginxPort,
  );
  if (!nginx) {
    console.log(
      JSON.stringify({ metric: "atlas_fiche.nginx", note: "nginx absent (apt-get install nginx)" }),
    );
    return;
  }
  try {
    const reference = await measureRequests(`http://127.0.0.1:${nginxPort}/atlas/projets/1`, {
      duration,
    });
    emit("atlas_fiche.nginx_requests_per_s", reference.requestsPerSecond, "req/s");
    emit(
      "atlas_fiche.served_ratio",
      rendered.requestsPerSecond / reference.requestsPerSecond,
      "ratio",
    );
    emit(
      "atlas_fiche.cached_ratio",
      cached.requestsPerSecond / reference.requestsPerSecond,
      "ratio",
    );
  } finally {
    nginx.stop();
  }
}

export async function benchAtlas(options: {
  database: Database;
  baseUrl: string;
  databaseUrl: string | null;
  duration: number;
  emit: Emit;
}) {
  await benchSearch(options.database, options.emit);
  await benchSearchKinds(options.database, options.baseUrl, options.emit);
  await benchCsvExport(options.database, options.baseUrl, options.databaseUrl, options.emit);
  await benchFiche(options.baseUrl, options.duration, options.emit);
}
