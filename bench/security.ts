import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { FormClient } from "../tests/support/browserless";
import { largeXlsx } from "../tests/support/large-xlsx";
import { percentile } from "./percentile";

/**
 * The portal under abuse: three clients (three loopback addresses) download PDF reports of
 * the whole Atlas again and again, and the DAECT uploads a 300 000-row file to the Atlas
 * import again and again, while a fourth client asks /healthz and the home page in turn.
 * Prints the p95 of those two, the server's peak RSS, and what the abusers got.
 */
export async function benchSecurity(options: {
  baseUrl: string;
  duration: number;
  emit: (metric: string, value: number, unit: string) => void;
}) {
  const { port } = new URL(options.baseUrl);
  const file = await largeXlsx(300_000);
  options.emit("security.upload_file_mb", file.length / 1024 / 1024, "MB");
  // The DAECT signed in through the form, on the import page (its CSRF token).
  const daect = new FormClient(options.baseUrl);
  await daect.signIn("daect@example.org");
  await daect.get("/admin/imports");

  // The same probe first without abuse: what the pages cost on this machine anyway.
  const calm = await probe(Number(port), Date.now() + 5000);
  for (const [name, values] of Object.entries(calm))
    options.emit(
      `security.calm.${name}.p95_ms`,
      percentile(
        [...values].sort((a, b) => a - b),
        95,
      ),
      "ms",
    );
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();

  const until = Date.now() + options.duration * 1000;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const outcomes = new Map<string, number>();
  const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

  const pdfClient = async (localAddress: string) => {
    while (Date.now() < until) {
      const answer = await request(Number(port), {
        path: "/api/v1/projects/export?format=pdf",
        localAddress,
      });
      count(`pdf_${answer.status}`);
      if (answer.status === 503) await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  const uploader = async () => {
    const uploads: number[] = [];
    while (Date.now() < until) {
      const form = new FormData();
      form.set("_csrf", daect.csrfToken);
      form.set("kind", "projects");
      form.set("fichier", new Blob([new Uint8Array(file)]), "trois-cent-mille-lignes.xlsx");
      const started = performance.now();
      const answer = await fetch(`${options.baseUrl}/admin/imports`, {
        method: "POST",
        headers: { cookie: daect.cookieHeaderForTests() },
        body: form,
      });
      await answer.text();
      uploads.push(performance.now() - started);
      count(`upload_${answer.status}`);
    }
    return uploads;
  };
  const [timings, uploads] = await Promise.all([
    probe(Number(port), until),
    uploader(),
    pdfClient("127.0.0.2"),
    pdfClient("127.0.0.3"),
    pdfClient("127.0.0.4"),
  ]);
  clearInterval(sampler);
  lag.disable();
  options.emit("security.under_abuse.event_loop_delay_p99_ms", lag.percentile(99) / 1e6, "ms");
  options.emit("security.under_abuse.event_loop_delay_max_ms", lag.max / 1e6, "ms");
  for (const [name, values] of Object.entries(timings)) {
    const sorted = [...values].sort((a, b) => a - b);
    options.emit(`security.under_abuse.${name}.p95_ms`, percentile(sorted, 95), "ms");
    options.emit(`security.under_abuse.${name}.requests`, sorted.length, "requests");
  }
  const sortedUploads = [...uploads].sort((a, b) => a - b);
  if (sortedUploads.length > 0)
    options.emit("security.upload_300k_rows.refusal_p50_ms", percentile(sortedUploads, 50), "ms");
  options.emit("security.under_abuse.peak_rss_mb", peakRss / 1024 / 1024, "MB");
  for (const [key, value] of outcomes)
    options.emit(`security.under_abuse.${key}`, value, "responses");
}

/** /healthz and the home page in turn, from a client of their own, until the given time. */
async function probe(port: number, until: number) {
  const timings: Record<string, number[]> = { healthz: [], home: [] };
  while (Date.now() < until) {
    for (const [name, path] of [
      ["healthz", "/healthz"],
      ["home", "/"],
    ] as const) {
      const started = performance.now();
      const answer = await request(port, { path, localAddress: "127.0.0.5" });
      if (answer.status !== 200) throw new Error(`${path}: HTTP ${answer.status}`);
      timings[name].push(performance.now() - started);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return timings;
}

/** A GET from a chosen local address (each loopback address is another client). */
function request(port: number, options: { path: string; localAddress: string }) {
  return new Promise<{ status: number }>((resolve, reject) => {
    const req = http.get(
      { host: "127.0.0.1", port, path: options.path, localAddress: options.localAddress },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
        response.on("error", reject);
      },
    );
    req.on("error", reject);
  });
}
