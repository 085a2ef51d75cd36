import { eq, sql } from "drizzle-orm";
import { rowsOf } from "../../src/platform/db/client";
import { beforeAll, describe, expect, it } from "vitest";
import { projectFormValues } from "../../src/modules/atlas/editing/project-input";
import { readProject } from "../../src/modules/atlas/editing/project-record";
import { projects } from "../../src/modules/atlas/schema";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";
import { collectivites } from "../../src/modules/register/index";

/**
 * The "téléprocédure de mise à jour" through real HTTP: an agent edits a project of its
 * collectivité, the DAECT saves in between, the agent's outdated save is refused with both
 * versions shown; an embassy completes a project of its country.
 */
const served = portalForTestFile();
let rennesId: number;
let projectId: number;

beforeAll(async () => {
  const { db } = served.database;
  [{ id: rennesId }] = await db
    .select({ id: collectivites.id })
    .from(collectivites)
    .where(eq(collectivites.unitId, "commune:35238"));
  [{ id: projectId }] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.leadCollectiviteId, rennesId))
    .limit(1);
});

async function storedForm(): Promise<Record<string, string | string[]>> {
  const stored = (await readProject(served.database.db, projectId))!;
  return { ...projectFormValues(stored.input), version: String(stored.version) };
}

const escaped = (text: string) => text.replaceAll("'", "&#x27;");

describe("editing a project in the browser-less journey", () => {
  it("shows the edit button only to those who may edit", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    // "Mon compte" leads the agent to the collectivité's fiche, where editing starts.
    expect((await agent.get("/compte")).html).toContain(`href="/atlas/collectivites/${rennesId}"`);
    expect((await agent.get(`/atlas/projets/${projectId}`)).html).toContain("Modifier le projet");
    const embassy = new FormClient(served.portal.baseUrl);
    await embassy.signIn("ambassade-ma@example.org");
    const page = await embassy.get(`/atlas/projets/${projectId}`);
    expect(page.html).not.toContain("Modifier le projet");
    expect((await embassy.get(`/atlas/projets/${projectId}/modifier`)).status).toBe(403);
  });

  it("saves, refuses an outdated save showing both versions, and keeps what was typed", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");

    // Both open the form on the same version.
    const opened = await storedForm();
    const agentPage = await agent.get(`/atlas/projets/${projectId}/modifier`);
    expect(agentPage.status).toBe(200);
    expect(agentPage.html).toContain(`name="version" value="${opened.version}"`);
    await daect.get(`/atlas/projets/${projectId}/modifier`);

    const saved = await daect.post(`/atlas/projets/${projectId}/modifier`, {
      ...opened,
      objectives: "Objectifs revus par la DAECT.",
    });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(
      `/atlas/projets/${projectId}?version=${Number(opened.version) + 1}`,
    );
    const fiche = await daect.get(saved.location!);
    expect(fiche.html).toContain("Modifications enregistrées");
    expect(fiche.html).toContain("Objectifs revus par la DAECT.");

    const refused = await agent.post(`/atlas/projets/${projectId}/modifier`, {
      ...opened,
      objectives: "Objectifs revus par la commune.",
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain("Modifié entre-temps");
    expect(refused.html).toContain("daect@example.org");
    expect(refused.html).toContain("Objectifs revus par la DAECT.");
    // What the agent typed is still in the form, now on the stored version.
    expect(refused.html).toContain("Objectifs revus par la commune.");
    expect(refused.html).toContain(`name="version" value="${Number(opened.version) + 1}"`);
    expect((await readProject(served.database.db, projectId))!.input.objectives).toBe(
      "Objectifs revus par la DAECT.",
    );

    // Saving again, knowingly, replaces the stored version.
    const replaced = await agent.post(`/atlas/projets/${projectId}/modifier`, {
      ...opened,
      version: String(Number(opened.version) + 1),
      objectives: "Objectifs revus par la commune.",
    });
    expect(replaced.status).toBe(302);

    const history = await agent.get(`/atlas/projets/${projectId}/historique`);
    expect(history.status).toBe(200);
    expect(history.html).toContain(`Version n° ${Number(opened.version) + 2}`);
    expect(history.html).toContain("Objectifs revus par la commune.");
  });

  it("names the bad fields, keeps the typed values and saves nothing", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    await agent.get(`/atlas/projets/${projectId}/modifier`);
    const before = await storedForm();
    const response = await agent.post(`/atlas/projets/${projectId}/modifier`, {
      ...before,
      title: "Un nouveau titre qui ne sera pas enregistré",
      endYear: "1990",
      startYear: "2020",
      fundingSource1: "fonds_propres",
      fundingAmount1: "dix mille",
    });
    expect(response.status).toBe(400);
    expect(response.html).toContain(
      escaped("L'année de fin (1990) précède l'année de début (2020)."),
    );
    expect(response.html).toContain("Le montant du financement n° 1 doit être un montant en euros");
    expect(response.html).toContain('value="Un nouveau titre qui ne sera pas enregistré"');
    expect(response.html).toContain('value="dix mille"');
    expect(await storedForm()).toEqual(before);
  });

  it("lets the agent update the collectivité's profile and add a project", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const form = await agent.get(`/atlas/collectivites/${rennesId}/modifier`);
    expect(form.status).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(form.html)![1];
    const saved = await agent.post(`/atlas/collectivites/${rennesId}/modifier`, {
      version,
      hasInternationalService: "oui",
      electedOfficialName: "Dominique Exemple-Fictif",
      presentation: "Rennes coopère avec Diourbel (Sénégal) depuis 1986.",
    });
    expect(saved.status).toBe(200);
    expect(saved.html).toContain(`Profil enregistré : version n° ${Number(version) + 1}`);
    const fiche = await agent.get(`/atlas/collectivites/${rennesId}`);
    expect(fiche.html).toContain("Rennes coopère avec Diourbel (Sénégal) depuis 1986.");

    // The public count of projects in Bosnia-Herzegovina, kept in the figures' cache.
    const visitor = new FormClient(served.portal.baseUrl);
    const found = async () =>
      Number(
        /([\d\u202f\u00a0 ]+) projets? trouvés?/
          .exec((await visitor.get("/atlas/projets?country=BA")).html)?.[1]
          ?.replace(/\D/g, "") ?? "0",
      );
    const before = await found();
    expect(await found()).toBe(before);

    await agent.get(`/atlas/collectivites/${rennesId}/nouveau-projet`);
    const created = await agent.post(`/atlas/collectivites/${rennesId}/nouveau-projet`, {
      title: "Bibliothèque numérique partagée Rennes–Sarajevo",
      domainCode: "culture-patrimoine",
      themes: ["culture", "numerique"],
      countries: ["BA", ""],
      status: "en_projet",
    });
    expect(created.status).toBe(302);
    const newFiche = await agent.get(created.location!);
    expect(newFiche.html).toContain("Bibliothèque numérique partagée Rennes–Sarajevo");
    // The public search finds it at once.
    const search = await new FormClient(served.portal.baseUrl).get(
      "/atlas/projets?q=bibliotheque+numerique+sarajevo",
    );
    expect(search.html).toContain("Bibliothèque numérique partagée Rennes–Sarajevo");
    // The creation announced the change: the cached count is recounted, not served stale.
    expect(await found()).toBe(before + 1);
  });

  it("lets an embassy complete a project of its country, shown on the public fiche", async () => {
    const { db } = served.database;
    const stored = await storedForm();
    // Make the Rennes project concern Senegal, as the DAECT would.
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    await daect.get(`/atlas/projets/${projectId}/modifier`);
    const countries = [...new Set([...(stored.countries as string[]), "SN"])];
    expect(
      (
        await daect.post(`/atlas/projets/${projectId}/modifier`, {
          ...stored,
          countries,
          contacts: "Awa Exemple-Fictif, chargée de mission, awa.exemple@example.org",
        })
      ).status,
    ).toBe(302);
    // Contacts are personal data: shown to signed-in users, not on the public fiche.
    expect((await daect.get(`/atlas/projets/${projectId}`)).html).toContain(
      "awa.exemple@example.org",
    );

    const embassy = new FormClient(served.portal.baseUrl);
    await embassy.signIn("ambassade-sn@example.org");
    expect((await embassy.get(`/atlas/projets/${projectId}`)).html).toContain(
      "Ajouter un complément",
    );
    await embassy.get(`/atlas/projets/${projectId}/completer`);
    const empty = await embassy.post(`/atlas/projets/${projectId}/completer`, { body: "" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain("Le texte de la remarque est obligatoire.");
    const posted = await embassy.post(`/atlas/projets/${projectId}/completer`, {
      body: "Le poste a visité les forages en octobre : trois sur quatre fonctionnent.",
    });
    expect(posted.status).toBe(302);
    const visitor = new FormClient(served.portal.baseUrl);
    const publicFiche = await visitor.get(`/atlas/projets/${projectId}`);
    expect(publicFiche.html).toContain("trois sur quatre fonctionnent");
    expect(publicFiche.html).toContain("Ambassade de France – Sénégal");
    expect(publicFiche.html).not.toContain("awa.exemple@example.org");
    expect((await readProject(db, projectId))!.version, "a remark does not create a version").toBe(
      Number(stored.version) + 1,
    );
  });

  it("lets the agent declare a partnership, then edit it with versions and conflicts", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    await agent.get(`/atlas/collectivites/${rennesId}/nouveau-partenariat`);
    const bad = await agent.post(`/atlas/collectivites/${rennesId}/nouveau-partenariat`, {
      autorite_partenaire: "Commune de Ziguinchor",
      type_autorite: "Municipalité",
      pays: "SN",
      type_partenariat: "jumelage",
      date_signature: "31/02/2024",
      statut: "active",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("« 31/02/2024 » n&#x27;est pas une date valide (JJ/MM/AAAA).");
    expect(bad.html).toContain('value="Commune de Ziguinchor"');

    const created = await agent.post(`/atlas/collectivites/${rennesId}/nouveau-partenariat`, {
      autorite_partenaire: "Commune de Ziguinchor",
      type_autorite: "Municipalité",
      pays: "SN",
      ville: "Ziguinchor",
      type_partenariat: "jumelage",
      date_signature: "14/07/2024",
      statut: "active",
    });
    expect(created.status).toBe(302);
    // The fiche the agent comes back to says what was saved.
    const confirmed = await agent.get(created.location!.replace(/#.*/, ""));
    expect(confirmed.html).toContain(
      "Partenariat enregistré : jumelage avec Commune de Ziguinchor (Sénégal). Il figure dans la liste des partenariats ci-dessous.",
    );
    const fiche = await agent.get(`/atlas/collectivites/${rennesId}`);
    expect(fiche.html).not.toContain("Partenariat enregistré");
    expect(fiche.html).toContain("Commune de Ziguinchor");
    const editPath =
      /href="(\/atlas\/partenariats\/(\d+)\/modifier)">Modifier le partenariat avec Commune de Ziguinchor/.exec(
        fiche.html,
      )!;
    const form = await agent.get(editPath[1]);
    expect(form.html).toContain('value="14/07/2024"');
    const version = /name="version" value="(\d+)"/.exec(form.html)![1];

    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    await daect.get(editPath[1]);
    expect(
      (
        await daect.post(editPath[1], {
          version,
          kind: "convention",
          signedOn: "14/07/2024",
          status: "active",
        })
      ).status,
    ).toBe(200);
    const stale = await agent.post(editPath[1], {
      version,
      kind: "jumelage",
      signedOn: "14/07/2024",
      status: "en_sommeil",
    });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain("Convention de coopération décentralisée");
    expect(stale.html).toContain("En sommeil");

    const other = new FormClient(served.portal.baseUrl);
    await other.signIn("agent-35@example.org");
    expect((await other.get(editPath[1])).status).toBe(403);
  });

  it("lets a foreign authority correct its own fiche, placed on its city, and re-indexes its projects", async () => {
    const { db } = served.database;
    const [own] = rowsOf<{ id: number }>(
      await db.execute(sql`
        SELECT fa.id FROM register_foreign_authorities fa
          JOIN memberships m ON m.organisation_id = fa.organisation_id
          JOIN users u ON u.id = m.user_id WHERE u.email = 'autorite-sn-1@example.org'`),
    );
    const authority = new FormClient(served.portal.baseUrl);
    await authority.signIn("autorite-sn-1@example.org");
    expect((await authority.get(`/atlas/partenaires/${own.id}`)).html).toContain(
      "Modifier la fiche",
    );
    const form = await authority.get(`/atlas/partenaires/${own.id}/modifier`);
    const version = /name="version" value="(\d+)"/.exec(form.html)![1];
    const unknownCity = await authority.post(`/atlas/partenaires/${own.id}/modifier`, {
      version,
      name: "Ville de Thiès",
      kind: "municipality",
      city: "Atlantide",
    });
    expect(unknownCity.status).toBe(400);
    expect(unknownCity.html).toContain("« Atlantide » n&#x27;est pas une ville connue (Sénégal)");
    // Every mistake at once: the missing name and the place.
    const both = await authority.post(`/atlas/partenaires/${own.id}/modifier`, {
      version,
      name: "",
      kind: "municipality",
      city: "Atlantide",
    });
    expect(both.status).toBe(400);
    expect(both.html).toContain("Le nom de l&#x27;autorité est obligatoire");
    expect(both.html).toContain("« Atlantide » n&#x27;est pas une ville connue (Sénégal)");
    // A point outside the country is refused on its field; nothing is saved.
    const abroad = await authority.post(`/atlas/partenaires/${own.id}/modifier`, {
      version,
      name: "Ville de Thiès",
      kind: "municipality",
      city: "Keur Moussa",
      latitude: "48,11",
      longitude: "-1,68",
    });
    expect(abroad.status).toBe(400);
    expect(abroad.html).toContain("n&#x27;est pas dans le pays choisi (Sénégal)");
    // A village the list does not know is placed by its coordinates, typed the French way.
    const byHand = await authority.post(`/atlas/partenaires/${own.id}/modifier`, {
      version,
      name: "Ville de Thiès",
      kind: "municipality",
      city: "Keur Moussa",
      latitude: "14,7712",
      longitude: "-17,1167",
    });
    expect(byHand.status).toBe(200);
    const [point] = rowsOf<{ latitude: number; longitude: number; city_id: number | null }>(
      await db.execute(
        sql`SELECT latitude, longitude, city_id FROM register_foreign_authorities WHERE id = ${own.id}`,
      ),
    );
    expect(point).toEqual({ latitude: 14.7712, longitude: -17.1167, city_id: null });
    expect(byHand.html).toContain("14,7712 ; -17,1167");
    const placedVersion = /name="version" value="(\d+)"/.exec(byHand.html)![1];
    const saved = await authority.post(`/atlas/partenaires/${own.id}/modifier`, {
      version: placedVersion,
      name: "Ville de Thiès",
      kind: "municipality",
      city: "thies",
    });
    expect(saved.status).toBe(200);
    expect(saved.html).toContain(`Fiche enregistrée : version n° ${Number(version) + 2}`);
    const [placed] = rowsOf<{ latitude: number; name: string }>(
      await db.execute(
        sql`SELECT latitude, name FROM register_foreign_authorities WHERE id = ${own.id}`,
      ),
    );
    expect(placed.name).toBe("Ville de Thiès");
    expect(placed.latitude).toBeCloseTo(14.8, 0);
    const [linked] = rowsOf<{ n: number }>(
      await db.execute(sql`
        SELECT count(*)::int AS n FROM atlas_project_partnerships pp
          JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = pp.partnership_id
         WHERE pfa.foreign_authority_id = ${own.id}`),
    );
    const search = await new FormClient(served.portal.baseUrl).get(
      "/atlas/projets?q=ville+de+thies",
    );
    if (linked.n > 0) expect(search.html).not.toContain("Aucun projet ne correspond");
    expect((await authority.get(`/atlas/partenaires/${Number(own.id) + 1}/modifier`)).status).toBe(
      403,
    );
  });
});
