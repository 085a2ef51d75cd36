import { runLoad } from "./load";

/**
 * Requests per second and exact 95th-percentile latency of one URL under 10 concurrent
 * connections, from a load process of its own (never the event loop of a portal served
 * by the bench process, nor of the anchor's client).
 */
export async function measureRequests(
  url: string,
  options: { duration: number; headers?: Record<string, string>; expectStatus?: number },
) {
  const { origin, pathname, search } = new URL(url);
  const result = await runLoad({
    baseUrl: origin,
    paths: [pathname + search],
    connections: 10,
    duration: options.duration,
    headers: options.headers,
  });
  const expected = String(options.expectStatus ?? 200);
  const wrong = result.requests - (result.statusCounts[expected] ?? 0);
  if (wrong > 0 || result.errors > 0)
    throw new Error(`${url}: ${wrong} réponses inattendues, ${result.errors} erreurs`);
  return { requestsPerSecond: result.requestsPerSecond, p95: result.p95 };
}
