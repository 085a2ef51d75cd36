/**
 * Heavy exports (whole-Atlas files, PDF reports) take a slot while they run: a few at once
 * for the instance, one per client, so that pages and /healthz stay quick whatever a client
 * asks. A request without a slot waits a little in a short queue, then is told to retry.
 * Slots live in the instance's memory on purpose: each instance protects its own processor.
 */
export interface ExportSlots {
  /** A release function, or null when the bound is reached and the caller must retry. */
  acquire(client: string): Promise<(() => void) | null>;
  readonly running: number;
}

export function exportSlots(options: {
  overall: number;
  perClient: number;
  queueLength: number;
  waitMs: number;
}): ExportSlots {
  let running = 0;
  const byClient = new Map<string, number>();
  const waiting: { client: string; wake: () => void }[] = [];

  const free = (client: string) =>
    running < options.overall && (byClient.get(client) ?? 0) < options.perClient;
  const take = (client: string) => {
    running += 1;
    byClient.set(client, (byClient.get(client) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running -= 1;
      const left = (byClient.get(client) ?? 1) - 1;
      if (left === 0) byClient.delete(client);
      else byClient.set(client, left);
      const next = waiting.findIndex((waiter) => free(waiter.client));
      if (next !== -1) waiting.splice(next, 1)[0].wake();
    };
  };

  return {
    get running() {
      return running;
    },
    async acquire(client) {
      if (free(client)) return take(client);
      if (waiting.length >= options.queueLength || (byClient.get(client) ?? 0) >= options.perClient)
        return null;
      const woken = await new Promise<boolean>((resolve) => {
        const waiter = { client, wake: () => resolve(true) };
        waiting.push(waiter);
        setTimeout(() => {
          const index = waiting.indexOf(waiter);
          if (index !== -1) {
            waiting.splice(index, 1);
            resolve(false);
          }
        }, options.waitMs).unref();
      });
      return woken && free(client) ? take(client) : null;
    },
  };
}

export const EXPORT_BUSY_MESSAGE =
  "De nombreux exports sont en cours : le vôtre n'a pas pu commencer. Réessayez dans une minute (ou gardez l'extraction dans Mon espace, une fois connecté).";
