import type { Logger } from "pino";

/**
 * Runs a job now and then every `intervalMs`, one run at a time; a failed run is logged
 * and the next one goes ahead. `stop` waits for a run in progress.
 */
export function everyInterval(
  name: string,
  intervalMs: number,
  run: () => Promise<unknown>,
  logger: Logger,
) {
  let current: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    current = run().catch((error: unknown) =>
      logger.error({ err: error, job: name }, "job failed"),
    );
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
