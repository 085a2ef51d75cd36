import { describe, expect, it } from "vitest";
import { RGAA_GRID, type RgaaTheme } from "./rgaa-grid";
import { auditSummary } from "./statement";

/** RGAA 4.1: the number of criteria of each of its 13 themes. */
const CRITERIA_PER_THEME = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12];

describe("the RGAA audit grid", () => {
  it("holds the 106 criteria of RGAA 4.1, numbered theme by theme, each with its reason", () => {
    expect(RGAA_GRID.map((theme) => theme.criteria.length)).toEqual(CRITERIA_PER_THEME);
    for (const theme of RGAA_GRID)
      expect(theme.criteria.map((criterion) => criterion.id)).toEqual(
        theme.criteria.map((_, index) => `${theme.number}.${index + 1}`),
      );
    for (const criterion of RGAA_GRID.flatMap((theme) => theme.criteria))
      expect(criterion.note.length, criterion.id).toBeGreaterThan(3);
  });
});

describe("the audit's result", () => {
  const grid = (results: ("C" | "NC" | "NA")[]): RgaaTheme[] => [
    {
      number: 1,
      name: "Essai",
      criteria: results.map((result, index) => ({
        id: `1.${index + 1}`,
        level: "A",
        title: "Critère",
        result,
        note: "Revue",
      })),
    },
  ];

  it("counts met criteria over applicable ones, as the RGAA does", () => {
    expect(auditSummary(grid(["C", "C", "NA"]))).toMatchObject({
      applicable: 2,
      conformant: 2,
      notApplicable: 1,
      rate: 100,
      compliance: "fully compliant",
    });
    const partial = auditSummary(grid(["C", "C", "NC", "NA"]));
    expect(partial).toMatchObject({ rate: 66.6, compliance: "partially compliant" });
    expect(partial.nonConformant.map((criterion) => criterion.id)).toEqual(["1.3"]);
    expect(auditSummary(grid(["C", "NC", "NC"])).compliance).toBe("non compliant");
  });

  it("never rounds a failed criterion up to full compliance", () => {
    const almost = auditSummary(grid([...Array<"C">(999).fill("C"), "NC"]));
    expect(almost.rate).toBe(99.9);
    expect(almost.compliance).toBe("partially compliant");
  });
});
