import { describe, expect, it } from "vitest";
import { amountInputText, frenchEuros, longDate } from "./french-format";

describe("French formats", () => {
  it("writes the first of the month as an ordinal, the other days as numbers", () => {
    expect(longDate("2026-12-01")).toBe("1er décembre 2026");
    expect(longDate("2026-12-11")).toBe("11 décembre 2026");
    expect(longDate("2026-12-21")).toBe("21 décembre 2026");
    expect(longDate("2026-12-01", "en")).toBe("December 1, 2026");
  });

  it("reads a calendar day as that day and a moment as its day in Paris", () => {
    expect(longDate("2026-06-30")).toBe("30 juin 2026");
    // 23:30 UTC on 31 May is already 1 June in Paris (summer time).
    expect(longDate("2026-05-31T23:30:00.000Z")).toBe("1er juin 2026");
    expect(longDate(new Date("2026-05-31T23:30:00Z"))).toBe("1er juin 2026");
  });

  it("writes euros from integer cents", () => {
    expect(frenchEuros(1_250_050)).toBe("12\u202f500,50\u00a0€");
    expect(amountInputText(1_250_050)).toBe("12500,50");
    expect(amountInputText(1_250_000)).toBe("12500");
  });
});
