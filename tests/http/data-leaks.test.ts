import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bourseOffers, bourseRequests } from "../../src/modules/bourse/schema";
import { portalForTestFile } from "../support/portal";

/**
 * What a page's loader sends (its `.data` twin, which any visitor can ask for) must not say
 * more than the page: no e-mail address may be in the data that the page itself does not show.
 */
const served = portalForTestFile();
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

const dataPathOf = (path: string) => {
  const url = new URL(path, "http://portail");
  return `${url.pathname === "/" ? "/_root" : url.pathname}.data${url.search}`;
};

async function pageAndData(path: string) {
  const page = await fetch(`${served.portal.baseUrl}${path}`);
  const html = await page.text();
  const data = await (await fetch(`${served.portal.baseUrl}${dataPathOf(path)}`)).text();
  return { status: page.status, html, data };
}

/** Same-site page links of a page, without downloads, APIs or anchors. */
function linksOf(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)]
    .map((match) => match[1].replace(/&amp;/g, "&"))
    .filter(
      (href) => !/^\/(api|dsfr|assets)\/|\.(csv|pdf|xlsx|json|geojson|xml)(\?|$)|\/pdf$/.test(href),
    );
}

describe("the .data of every public page", () => {
  it("holds no e-mail address that the page does not show", async () => {
    const db = served.database.db;
    // State agents' names and addresses, as triage and decision commands record them.
    const [request] = await db
      .select({ id: bourseRequests.id })
      .from(bourseRequests)
      .where(eq(bourseRequests.status, "published"))
      .limit(1);
    await db
      .update(bourseRequests)
      .set({ triagedByLabel: "Agent Exemple <agent.ambassade@example.org>" })
      .where(eq(bourseRequests.id, request.id));
    const [offer] = await db
      .select({ id: bourseOffers.id })
      .from(bourseOffers)
      .where(and(eq(bourseOffers.status, "published")))
      .limit(1);
    await db
      .update(bourseOffers)
      .set({ decidedByLabel: "Agent Exemple <agent.daect@example.org>" })
      .where(eq(bourseOffers.id, offer.id));

    const queue = ["/", "/bourse", `/bourse/demandes/${request.id}`, `/bourse/offres/${offer.id}`];
    const seen = new Set<string>();
    const leaks: string[] = [];
    while (queue.length > 0 && seen.size < 80) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const { status, html, data } = await pageAndData(path);
      if (status !== 200) continue;
      for (const address of new Set(data.match(EMAIL) ?? []))
        if (!html.includes(address)) leaks.push(`${path}: ${address}`);
      for (const link of linksOf(html)) if (!seen.has(link)) queue.push(link);
    }
    expect(seen.size).toBeGreaterThan(30);
    expect(leaks).toEqual([]);
  });
});
