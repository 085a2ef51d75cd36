// Runs one autocannon load in a process of its own (forked by bench/load.ts), so that the
// load generator never shares an event loop or a core with a portal served by the bench
// process. (In a worker thread, autocannon would leave its figures unsummarised.)
import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";

const { baseUrl, paths, connections, duration, timeout, headers } = JSON.parse(process.argv[2]);
const latencies = hdr.build({
  lowestDiscernibleValue: 1,
  highestTrackableValue: 120_000,
  numberOfSignificantValueDigits: 3,
});
const result = await autocannon({
  url: baseUrl,
  connections,
  duration,
  timeout,
  headers,
  requests: paths.map((path) => ({ method: "GET", path })),
  histograms: { latencies },
});
process.send({
  requests: result.requests.total,
  requestsPerSecond: result.requests.average,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  p95: latencies.getValueAtPercentile(95),
  p50: latencies.getValueAtPercentile(50),
  statusCounts: Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
  ),
});
process.disconnect();
