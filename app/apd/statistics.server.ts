import { apdTotals } from "../../src/modules/apd/index";
import type { TotalGroup } from "../../src/modules/apd/codes";
import type { AppServices } from "../context";

/** Public e-APD figures, kept per instance for the current e-APD data version. */
export const cachedApdTotals = (
  services: Pick<AppServices, "db" | "cache">,
  year: number | null,
  groupBy: TotalGroup | "continent",
  page: { limit?: number; offset?: number } = {},
) =>
  services.cache.at(
    "apd",
    `totals:${year}:${groupBy}:${page.limit ?? ""}:${page.offset ?? ""}`,
    () => apdTotals(services.db, { year, groupBy, ...page }),
  );
