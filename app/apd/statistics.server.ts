import { apdTotals } from "../../src/modules/apd/index";
import type { TotalGroup } from "../../src/modules/apd/codes";
import { cached } from "../../src/platform/cache";
import type { AppServices } from "../context";

/** Public e-APD figures, cached per instance (forgotten after a submission or a review). */
export const cachedApdTotals = (
  services: Pick<AppServices, "db" | "cache">,
  year: number | null,
  groupBy: TotalGroup | "continent",
  limit?: number,
) =>
  cached(services.cache, `apd:totals:${year}:${groupBy}:${limit ?? ""}`, () =>
    apdTotals(services.db, { year, groupBy, limit }),
  );
