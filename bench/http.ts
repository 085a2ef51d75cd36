import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";

/**
 * Requests per second and exact 95th-percentile latency of one URL under 10 concurrent
 * connections; autocannon fills our own histogram, from which the percentile is read.
 */
export async function measureRequests(
  url: string,
  options: { duration: number; headers?: Record<string, string>; expectStatus?: number },
) {
  const latencies = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000,
    numberOfSignificantValueDigits: 3,
  });
  const result = await autocannon({
    url,
    connections: 10,
    duration: options.duration,
    headers: options.headers,
    histograms: { latencies },
  } as autocannon.Options);
  const expected = options.expectStatus ?? 200;
  const wrong =
    expected === 200
      ? result.non2xx
      : result.requests.total - (result.statusCodeStats?.[`${expected}`]?.count ?? 0);
  if (wrong > 0 || result.errors > 0)
    throw new Error(`${url}: ${wrong} réponses inattendues, ${result.errors} erreurs`);
  return {
    requestsPerSecond: result.requests.average,
    p95: latencies.getValueAtPercentile(95),
  };
}
