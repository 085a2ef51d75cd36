import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "../../src/platform/db/client";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();

/** The HTML of one section of a page, from its heading id. */
const sectionOf = (html: string, id: string) =>
  html.slice(
    html.indexOf(`id="${id}-titre"`),
    html.indexOf("</section>", html.indexOf(`id="${id}-titre"`)),
  );

describe("e-APD public statistics while a campaign is open", () => {
  it("show the latest closed year, keep the open one apart as provisional, and never add years up", async () => {
    // The demo's campaigns are all closed: reopen the latest, as in May of a campaign year.
    const [{ year: latest }] = rowsOf<{ year: number }>(
      await served.database.db.execute(
        sql`UPDATE apd_campaigns SET closed_at = NULL
             WHERE year = (SELECT max(year) FROM apd_campaigns) RETURNING year`,
      ),
    );
    const html = await (await fetch(`${served.portal.baseUrl}/apd`)).text();
    expect(html).toContain(`Chiffres clés ${latest - 1}</h2>`);
    expect(html).toContain(`<option value="${latest}">${latest} (campagne en cours)</option>`);
    const evolution = sectionOf(html, "evolution");
    expect(evolution).toContain(`<th scope="row">${latest - 1}</th>`);
    expect(evolution).not.toContain(`<th scope="row">${latest}</th>`);
    expect(evolution).not.toContain("<tfoot>");
    expect(html).toMatch(
      new RegExp(`Campagne ${latest} en cours : [\\d\\s,]+\\s€ déclarés à ce jour`),
    );

    const open = await (await fetch(`${served.portal.baseUrl}/apd?year=${latest}`)).text();
    expect(open).toContain(`Chiffres clés ${latest} (campagne en cours)`);
    expect(open).toContain("ces chiffres sont provisoires");
    const byYear = await (await fetch(`${served.portal.baseUrl}/apd?groupBy=year`)).text();
    expect(sectionOf(byYear, "repartition")).not.toContain("<tfoot>");
  });
});
