import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changing } from "../../src/platform/changes";
import { rowsOf } from "../../src/platform/db/client";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();
const get = (path: string) => fetch(`${served.portal.baseUrl}${path}`);
const atlasLinks = (html: string) => [
  ...new Set(
    [...html.matchAll(/href="(\/atlas\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&")),
  ),
];

async function apiTotal(query: string) {
  const body = (await (await get(`/api/v1/projects?${query}&limit=1`)).json()) as {
    total: number;
    items: { id: number; title: string }[];
  };
  return body;
}

describe("Atlas fiches", () => {
  it("a project fiche shows its title, budget, places and partners, and every link works", async () => {
    const { items } = await apiTotal("country=SN&theme=eau-assainissement");
    const response = await get(`/atlas/projets/${items[0].id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(items[0].title.replace(/'/g, "&#x27;"));
    expect(html).toContain("Budget total");
    expect(html).toMatch(/\d[\d\s]*,\d\d\s€/);
    const links = atlasLinks(html);
    expect(links).toContain("/atlas/pays/SN");
    expect(links.some((link) => link.startsWith("/atlas/collectivites/"))).toBe(true);
    expect(links.some((link) => link.startsWith("/atlas/partenaires/"))).toBe(true);
    for (const link of links) expect((await get(link)).status, link).toBe(200);
  });

  it("the country fiche counts the projects the search finds for that country", async () => {
    const { total } = await apiTotal("country=MG");
    const html = await (await get("/atlas/pays/mg")).text();
    expect(html).toContain("La coopération décentralisée avec Madagascar");
    expect(html).toContain("Voir les projets à Madagascar");
    const senegal = await (await get("/atlas/pays/SN")).text();
    expect(senegal).toContain("La coopération décentralisée avec le Sénégal");
    expect(senegal).toContain("Voir les projets au Sénégal");
    expect(html).toContain(
      `<p class="fr-h3 fr-mb-0">${total.toLocaleString("fr-FR")}</p><p>Projets</p>`,
    );
    const links = atlasLinks(html);
    expect(links).toContain("/atlas/projets?country=MG");
    for (const link of links.slice(0, 8)) expect((await get(link)).status, link).toBe(200);
  });

  it("a collectivité fiche lists its partnerships and links to its projects", async () => {
    const html = await (await get("/atlas/collectivites/1")).text();
    expect(html).toMatch(/<caption>Partenariats (de la|du|des|de|d&#x27;) ?[A-Z]/);
    const projectsLink = atlasLinks(html).find((link) =>
      link.startsWith("/atlas/projets?collectivite=1"),
    );
    expect(projectsLink).toBeDefined();
    const search = await (await get(projectsLink!)).text();
    const { total } = await apiTotal("collectivite=1");
    expect(search).toContain(`${total} projet`);
  });

  it("a collectivité fiche and the open data give its official code and population", async () => {
    const [rennes] = rowsOf<{ id: number; code: string; population: number }>(
      await served.database.db.execute(sql`
        SELECT c.id, u.code, u.population FROM register_collectivites c
          JOIN ref_territorial_units u ON u.id = c.unit_id WHERE c.unit_id = 'commune:35238'`),
    );
    const html = await (await get(`/atlas/collectivites/${rennes.id}`)).text();
    expect(html).toContain("<li>Code INSEE : 35238</li>");
    expect(html).toContain(`Population : ${rennes.population.toLocaleString("fr-FR")} habitants`);
    const api = (await (await get(`/api/v1/collectivites?collectivite=${rennes.id}`)).json()) as {
      items: { code: string; population: number }[];
    };
    expect(api.items[0]).toMatchObject({ code: "35238", population: rennes.population });
    const [epci] = rowsOf<{ id: number; code: string }>(
      await served.database.db.execute(sql`
        SELECT c.id, u.code FROM register_collectivites c
          JOIN ref_territorial_units u ON u.id = c.unit_id WHERE c.kind = 'epci' LIMIT 1`),
    );
    expect(await (await get(`/atlas/collectivites/${epci.id}`)).text()).toContain(
      `<li>SIREN : ${epci.code}</li>`,
    );
  });

  it("answers 404 in French for what does not exist", async () => {
    for (const path of [
      "/atlas/projets/99999999",
      "/atlas/projets/abc",
      "/atlas/pays/ZZ",
      "/atlas/collectivites/0",
      "/atlas/partenaires/99999999",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
    }
  });
});

describe("conditional GET of public pages", () => {
  it("answers 304 to a visitor who has the page, and a new ETag once the Atlas changes", async () => {
    const first = await get("/atlas/projets/7");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect(first.headers.get("set-cookie")).toBeNull();
    const again = await fetch(`${served.portal.baseUrl}/atlas/projets/7`, {
      headers: { "If-None-Match": etag! },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    // Every write goes through the write path, which raises the Atlas's data version.
    await changing(served.database.db, "atlas", (tx) =>
      tx.execute(
        sql`UPDATE atlas_projects SET title = 'Titre modifié', version = version + 1 WHERE id = 7`,
      ),
    );
    const changed = await fetch(`${served.portal.baseUrl}/atlas/projets/7`, {
      headers: { "If-None-Match": etag! },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toContain("Titre modifié");
  });

  it("serves a visitor's page rendered once per data version, and renders it again after a write", async () => {
    const path = "/atlas/projets/8";
    const first = await get(path);
    expect(first.status).toBe(200);
    const firstHtml = await first.text();
    // Changed behind the write path's back: the stored page is still what visitors get…
    await served.database.db.execute(
      sql`UPDATE atlas_projects SET title = 'Titre changé hors des commandes' WHERE id = 8`,
    );
    const again = await get(path);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await again.text()).toBe(firstHtml);
    // …until a write raises the version: then the page is rendered anew for everyone.
    await changing(served.database.db, "atlas", async () => undefined);
    const after = await get(path);
    expect(after.headers.get("etag")).not.toBe(first.headers.get("etag"));
    expect(await after.text()).toContain("Titre changé hors des commandes");
    // A signed-in person never gets a stored page.
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    expect((await agent.get(path)).headers.get("cache-control")).toBe("private, no-store");
  });

  it("keeps an open-data answer per data version too, with its own caching rules", async () => {
    const path = "/api/v1/projects?country=SN&limit=5";
    const first = await get(path);
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const body = (await first.json()) as { items: { id: number; title: string }[] };
    const id = body.items[0].id;
    await served.database.db.execute(
      sql`UPDATE atlas_project_index SET title = 'Titre hors des commandes' WHERE project_id = ${id}`,
    );
    expect(await (await get(path)).json()).toEqual(body);
    await changing(served.database.db, "atlas", async () => undefined);
    const after = (await (await get(path)).json()) as typeof body;
    expect(after.items.find((item) => item.id === id)?.title).toBe("Titre hors des commandes");
  });

  it("tags the public pages that carry no form, and never a page with a form or a signed-in page", async () => {
    for (const path of [
      "/",
      "/atlas/projets?continent=Afrique",
      "/apd",
      "/bourse",
      "/atlas/statistiques",
    ]) {
      const response = await get(path);
      expect(response.headers.get("etag"), path).toMatch(/^W\/"/);
      expect(response.headers.get("set-cookie"), path).toBeNull();
    }
    const signIn = await get("/connexion");
    expect(signIn.headers.get("etag")).toBeNull();
    expect(signIn.headers.get("set-cookie")).toMatch(/aect_csrf=/);
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const signedIn = await agent.get("/atlas/projets/7");
    expect(signedIn.headers.get("etag")).toBeNull();
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    // A signed-in person's revalidation is never answered from a visitor's tag.
    const revalidated = await agent.get("/atlas/projets/7", {
      "If-None-Match": (await get("/atlas/projets/7")).headers.get("etag")!,
    });
    expect(revalidated.status).toBe(200);
  });
});
