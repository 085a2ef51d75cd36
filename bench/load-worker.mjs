// Runs one autocannon load in a worker thread, so that the load generator never shares an
// event loop with a portal served by the bench process itself.
import { parentPort, workerData } from "node:worker_threads";
import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";

const { baseUrl, paths, connections, duration, timeout } = workerData;
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
  requests: paths.map((path) => ({ method: "GET", path })),
  histograms: { latencies },
});
parentPort.postMessage({
  requests: result.requests.total,
  requestsPerSecond: result.requests.average,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  p95: latencies.getValueAtPercentile(95),
  p50: latencies.getValueAtPercentile(50),
});
