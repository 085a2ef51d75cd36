import { RGAA_GRID, type RgaaCriterion, type RgaaTheme } from "./rgaa-grid";

/** The RGAA's three states, as the DSFR footer names them. */
export type Compliance = "fully compliant" | "partially compliant" | "non compliant";

export interface AuditSummary {
  criteria: number;
  applicable: number;
  conformant: number;
  notApplicable: number;
  nonConformant: RgaaCriterion[];
  /** Met applicable criteria over applicable criteria, in per cent, to one decimal. */
  rate: number;
  compliance: Compliance;
}

/**
 * The RGAA method: the rate counts a criterion as met only when it is met on every audited
 * page; 100 % is full compliance, at least 50 % partial, below that none.
 */
export function auditSummary(grid: RgaaTheme[] = RGAA_GRID): AuditSummary {
  const criteria = grid.flatMap((theme) => theme.criteria);
  const applicable = criteria.filter((criterion) => criterion.result !== "NA");
  const conformant = applicable.filter((criterion) => criterion.result === "C").length;
  const rate =
    applicable.length === 0 ? 100 : Math.floor((conformant / applicable.length) * 1000) / 10;
  return {
    criteria: criteria.length,
    applicable: applicable.length,
    conformant,
    notApplicable: criteria.length - applicable.length,
    nonConformant: applicable.filter((criterion) => criterion.result === "NC"),
    rate,
    compliance:
      rate === 100 ? "fully compliant" : rate >= 50 ? "partially compliant" : "non compliant",
  };
}

/** The portal's grid, summed up once: every page's footer shows its state. */
export const publishedAudit: AuditSummary = auditSummary();

export const COMPLIANCE_IN_FRENCH: Record<Compliance, string> = {
  "fully compliant": "totalement conforme",
  "partially compliant": "partiellement conforme",
  "non compliant": "non conforme",
};
