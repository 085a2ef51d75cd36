import { fork, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort, portalProxy, staticPages, waitForPort } from "./nginx";

/** The mixed public traffic of the load test: what visitors do most. */
export const PUBLIC_MIX = [
  "/",
  "/atlas/projets?continent=Afrique&theme=eau-assainissement",
  "/atlas/projets/1",
  "/atlas/statistiques",
  "/bourse",
  "/api/v1/projects?country=SN&limit=20",
  "/apd",
] as const;

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p95: number;
  /** Responses per HTTP status. */
  statusCounts: Record<string, number>;
}

/**
 * Many connections cycling through the pages for a while, from a process of its own; requests
 * taking more than `timeout` seconds count as timeouts.
 */
export function runLoad(options: {
  baseUrl: string;
  paths: readonly string[];
  connections: number;
  duration: number;
  timeout?: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = fork(
      fileURLToPath(new URL("./load-worker.mjs", import.meta.url)),
      [JSON.stringify({ timeout: 10, ...options, paths: [...options.paths] })],
      { stdio: ["ignore", "inherit", "inherit", "ipc"] },
    );
    worker.once("message", (result) => resolve(result as LoadResult));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`charge interrompue (code ${code})`));
    });
  });
}

type Emit = (metric: string, value: number, unit: string) => void;

/** Where an instance's data is: a PostgreSQL database, or a PGlite folder of its own. */
export type InstanceStore = { databaseUrl: string } | { dataDir: string };

/** A portal instance as systemd runs it (deploy/systemd): `node server.js` on its port. */
export async function startInstance(root: string, store: InstanceStore, port: number) {
  const child = spawn(process.execPath, ["server.js"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      ...("databaseUrl" in store
        ? { DATABASE_URL: store.databaseUrl }
        : { DATABASE_URL: "", DATA_DIR: store.dataDir }),
      SESSION_SECRET: "b".repeat(40),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      TRUST_PROXY: "loopback",
      LOG_LEVEL: "warn",
    },
  });
  await waitForPort(port, 120);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    port,
    stop: () => child.kill("SIGTERM"),
    /** Stops it and waits for its end (a PGlite folder is free again). */
    stopped: () => {
      child.kill("SIGTERM");
      return exited;
    },
    cpuMs: () => processCpuMs(child.pid!),
    peakRssMb: () => peakRssMb(child.pid!),
  };
}

/** The most resident memory the process has had (VmHWM), in megabytes. */
function peakRssMb(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

/** CPU time a process has used so far, from /proc (user + system, clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // After the command: state is field 3, utime 14 and stime 15 (1-based, see proc(5)).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function emitLoad(emit: Emit, name: string, result: LoadResult, anchor?: LoadResult) {
  emit(`load.${name}.requests_per_s`, result.requestsPerSecond, "req/s");
  emit(`load.${name}.p95_ms`, result.p95, "ms");
  emit(`load.${name}.errors`, result.errors + result.non2xx, "requests");
  emit(`load.${name}.timeouts`, result.timeouts, "requests");
  if (anchor)
    emit(
      `load.${name}.ratio_to_nginx`,
      result.requestsPerSecond / anchor.requestsPerSecond,
      "ratio",
    );
}

/**
 * Server CPU per public page, for a visitor (no cookie, no ETag), requests one after the
 * other: as served (stored once per data version) and as rendered after a write. On PostgreSQL, a `node server.js` instance is measured from /proc, alone; on
 * PGlite the portal of this process is (the database and the client's GET count with it).
 */
export async function benchPageCpu(options: {
  root: string;
  baseUrl: string;
  databaseUrl: string | null;
  /** A write of the bench process: every instance must render its pages again. */
  write: () => Promise<unknown>;
  emit: Emit;
  repeats?: number;
}) {
  const repeats = options.repeats ?? 100;
  const instance = options.databaseUrl
    ? await startInstance(options.root, { databaseUrl: options.databaseUrl }, await freePort())
    : null;
  const own = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const baseUrl = instance ? `http://127.0.0.1:${instance.port}` : options.baseUrl;
  const cpuMs = instance ? instance.cpuMs : own;
  try {
    const perPage: number[] = [];
    const rendered: number[] = [];
    for (const path of PUBLIC_MIX) {
      for (let n = 0; n < 10; n += 1) await (await fetch(baseUrl + path)).arrayBuffer();
      const before = cpuMs();
      for (let n = 0; n < repeats; n += 1) await (await fetch(baseUrl + path)).arrayBuffer();
      const ms = (cpuMs() - before) / repeats;
      perPage.push(ms);
      options.emit(`page_cpu.${pageName(path)}.ms`, ms, "ms");
      // The first visitor after a write: the page is rendered (figures and maps of the
      // other topics still kept). The write itself is the bench's, not the server's.
      let rendering = 0;
      for (let n = 0; n < 20; n += 1) {
        await options.write();
        const start = cpuMs();
        await (await fetch(baseUrl + path)).arrayBuffer();
        rendering += cpuMs() - start;
      }
      rendered.push(rendering / 20);
      options.emit(`page_cpu_after_write.${pageName(path)}.ms`, rendering / 20, "ms");
    }
    perPage.sort((a, b) => a - b);
    rendered.sort((a, b) => a - b);
    options.emit("page_cpu.median_ms", perPage[Math.floor(perPage.length / 2)], "ms");
    options.emit("page_cpu_after_write.median_ms", rendered[Math.floor(rendered.length / 2)], "ms");
  } finally {
    instance?.stop();
  }
}

const pageName = (path: string) =>
  path === "/" ? "home" : path.replace(/\?.*$/, "").replace(/^\//, "").replace(/\W+/g, "_");

/**
 * 300 connections of mixed public traffic: nginx serving copies of the same pages (the
 * anchor, same run), one `node server.js` instance as `npm start` runs it (on PGlite, the
 * bench's folder, which the bench process has let go), and on PostgreSQL one then two
 * instances behind the nginx of deploy/.
 */
export async function benchLoad(options: {
  root: string;
  store: InstanceStore;
  duration: number;
  connections: number;
  emit: Emit;
}) {
  const portal = await startInstance(options.root, options.store, await freePort());
  try {
    await loadRuns({ ...options, baseUrl: `http://127.0.0.1:${portal.port}`, portal });
  } finally {
    await portal.stopped();
  }
}

async function loadRuns(options: {
  root: string;
  store: InstanceStore;
  baseUrl: string;
  portal: { port: number };
  duration: number;
  connections: number;
  emit: Emit;
}) {
  const { emit } = options;
  const load = (baseUrl: string) =>
    runLoad({
      baseUrl,
      paths: PUBLIC_MIX,
      connections: options.connections,
      duration: options.duration,
    });
  const pages = await Promise.all(
    PUBLIC_MIX.map(async (path) => {
      const response = await fetch(options.baseUrl + path);
      return {
        path,
        body: await response.text(),
        type: response.headers.get("content-type") ?? "text/html",
      };
    }),
  );
  const anchorPort = await freePort();
  const anchorServer = await staticPages(pages, anchorPort);
  let anchor: LoadResult | undefined;
  if (anchorServer) {
    try {
      anchor = await load(`http://127.0.0.1:${anchorPort}`);
      emitLoad(emit, "nginx_static", anchor);
    } finally {
      anchorServer.stop();
    }
  } else console.log(JSON.stringify({ metric: "load.nginx_static", note: "nginx absent" }));

  emitLoad(emit, "portal_x1", await load(options.baseUrl), anchor);
  if (!("databaseUrl" in options.store)) return;

  const instancePorts = [options.portal.port, await freePort()];
  const instances = [];
  try {
    instances.push(await startInstance(options.root, options.store, instancePorts[1]));
    for (const count of [1, 2]) {
      const proxyPort = await freePort();
      const proxy = await portalProxy(options.root, instancePorts.slice(0, count), proxyPort);
      if (!proxy) return;
      try {
        emitLoad(
          emit,
          `nginx_portal_x${count}`,
          await load(`http://127.0.0.1:${proxyPort}`),
          anchor,
        );
      } finally {
        proxy.stop();
      }
    }
  } finally {
    for (const instance of instances) instance.stop();
  }
}
