import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRequests } from "../../src/modules/accounts/schema";
import { rowsOf } from "../../src/platform/db/client";
import { actorFor } from "../support/actors";
import { createSmtpTransport, deliverDueMails } from "../../src/platform/mail/worker";
import { FormClient } from "../support/browserless";
import { linkIn, startSmtpServer } from "../support/smtp";
import { portalForTestFile } from "../support/portal";
import { taskLinks } from "../support/tasks";

/** An access request through its pages: asked, confirmed by its link, approved from a task. */
const served = portalForTestFile();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});

const deliver = () =>
  deliverDueMails(served.database.db, createSmtpTransport(smtp.url), {
    from: served.portal.config.mailFrom,
  });

describe("an access request through its pages", () => {
  it("is asked by a visitor, confirmed by the mailed link, approved from the DAECT's tasks; the person is the collectivité's administrator", async () => {
    const { db } = served.database;
    const [entry] = rowsOf<{ id: number; name: string }>(
      await db.execute(sql`
        SELECT c.id, c.name FROM register_collectivites c
         WHERE c.kind = 'commune' AND c.region_code = '93'
           AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = c.organisation_id)
         ORDER BY c.id LIMIT 1`),
    );
    const visitor = new FormClient(served.portal.baseUrl);
    const signIn = await visitor.get("/connexion");
    expect(signIn.html).toContain('href="/inscription"');
    const start = await visitor.get("/inscription");
    expect(start.status).toBe(200);
    expect(start.html).toContain("Collectivité territoriale française");
    const short = await visitor.get("/inscription?groupe=collectivite&q=a");
    expect(short.html).toContain("au moins deux lettres");
    const search = `/inscription?groupe=collectivite&q=${encodeURIComponent(entry.name)}`;
    const found = await visitor.get(search);
    expect(found.html).toContain(`value="collectivite:${entry.id}"`);

    // A missing name is explained on its field; nothing is created.
    const incomplete = await visitor.post(search, {
      group: "collectivite",
      organisation: `collectivite:${entry.id}`,
      personFunction: "charge_cooperation",
      givenName: "Morgane",
      email: "morgane.exemple@mairie.example.org",
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.html).toContain("Le nom est obligatoire.");
    expect(incomplete.html).toContain('value="Morgane"');
    expect(
      await db
        .select()
        .from(accessRequests)
        .where(eq(accessRequests.email, "morgane.exemple@mairie.example.org")),
    ).toEqual([]);
    const asked = await visitor.post(search, {
      group: "collectivite",
      organisation: `collectivite:${entry.id}`,
      personFunction: "charge_cooperation",
      givenName: "Morgane",
      familyName: "Exemple-Fictive",
      email: "morgane.exemple@mairie.example.org",
    });
    expect(asked.status).toBe(200);
    expect(asked.html).toContain(
      "Un courriel vient d&#x27;être envoyé à morgane.exemple@mairie.example.org",
    );

    // The mailed link, received over SMTP, opens a page whose button confirms.
    await deliver();
    const confirmation = await smtp.waitFor(
      "morgane.exemple@mairie.example.org",
      20_000,
      "/inscription/confirmer/",
    );
    const link = new URL(linkIn(confirmation, "/inscription/confirmer/")).pathname;
    const page = await visitor.get(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Confirmer ma demande");
    const [stillUnconfirmed] = await db
      .select({ status: accessRequests.status })
      .from(accessRequests)
      .where(eq(accessRequests.email, "morgane.exemple@mairie.example.org"));
    expect(stillUnconfirmed.status).toBe("unconfirmed");
    const confirmed = await visitor.post(link, {});
    expect(confirmed.status).toBe(302);
    expect((await visitor.get(confirmed.location!)).html).toContain("Adresse confirmée");
    expect((await visitor.get(link)).status).toBe(404);

    // The DAECT finds it in its tasks and accepts it.
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const [path] = taskLinks((await daect.get("/mon-espace")).html, "Valider la demande d'accès");
    expect(path).toMatch(/^\/demandes-acces\/\d+$/);
    const decision = await daect.get(path);
    expect(decision.html).toContain("Morgane Exemple-Fictive");
    const noReason = await daect.post(path, { intent: "refuse", version: daect.version });
    expect(noReason.status).toBe(400);
    expect(noReason.html).toContain("Le motif du refus est obligatoire.");
    const approved = await daect.post(path, { intent: "approve", version: daect.version });
    expect(approved.status).toBe(200);
    expect(approved.html).toContain("La demande est acceptée");
    const person = await actorFor(db, "morgane.exemple@mairie.example.org");
    expect(person.memberships).toEqual([
      expect.objectContaining({ organisationName: entry.name, isAdmin: true }),
    ]);
    expect(
      taskLinks((await daect.get("/mon-espace")).html, "Valider la demande d'accès"),
    ).not.toContain(path);
    // The welcome mail's one-time link lets the person choose a password and sign in, as the
    // collectivité's administrator.
    await deliver();
    const welcome = await smtp.waitFor(
      "morgane.exemple@mairie.example.org",
      20_000,
      "/mot-de-passe/nouveau/",
    );
    const firstPassword = new URL(linkIn(welcome, "/mot-de-passe/nouveau/")).pathname;
    const newcomer = new FormClient(served.portal.baseUrl);
    await newcomer.get(firstPassword);
    const chosen = await newcomer.post(firstPassword, {
      password: "Un-mot-de-passe-choisi",
      confirmation: "Un-mot-de-passe-choisi",
    });
    expect(chosen.location).toBe("/connexion?reinitialise=1");
    await newcomer.signIn("morgane.exemple@mairie.example.org", "Un-mot-de-passe-choisi");
    const account = await newcomer.get("/compte");
    expect(account.html).toContain(entry.name);
    expect(account.html).toContain("Administrateur ou administratrice");
  });
});

describe("a collectivité that is not in the list", () => {
  it("is asked by its official code, checked by the DAECT against the reference data; a commune nouvelle takes over its former communes' partnerships", async () => {
    const { db } = served.database;
    // A commune of the reference data the register does not hold, and two register communes
    // with partnerships that it replaces as a commune nouvelle.
    const [newcomer] = rowsOf<{ code: string; name: string }>(
      await db.execute(sql`
        SELECT u.code, u.name FROM ref_territorial_units u
         WHERE u.kind = 'commune' AND u.departement_code = '29'
           AND NOT EXISTS (SELECT 1 FROM register_collectivites c WHERE c.unit_id = u.id)
         ORDER BY u.code LIMIT 1`),
    );
    const former = rowsOf<{ id: number; code: string; name: string; partnerships: number }>(
      await db.execute(sql`
        SELECT c.id, split_part(c.unit_id, ':', 2) AS code, c.name,
               (SELECT count(*)::int FROM atlas_partnership_collectivites pc WHERE pc.collectivite_id = c.id) AS partnerships
          FROM register_collectivites c
         WHERE c.kind = 'commune' AND c.region_code = '53'
           AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = c.organisation_id)
           AND EXISTS (SELECT 1 FROM atlas_partnership_collectivites pc WHERE pc.collectivite_id = c.id)
         ORDER BY c.id LIMIT 2`),
    );
    expect(former).toHaveLength(2);
    const visitor = new FormClient(served.portal.baseUrl);
    const search = await visitor.get("/inscription?groupe=collectivite&q=zzzzzz");
    expect(search.html).toContain('href="/inscription/organisation-absente"');
    await visitor.get("/inscription/organisation-absente");
    const person = {
      personFunction: "elu",
      givenName: "Soazig",
      familyName: "Exemple-Fictive",
      email: "soazig.exemple@commune-nouvelle.example.org",
    };

    // A malformed code, a former commune that is not a code, a collectivité already listed:
    // each told on its field, nothing created.
    const malformed = await visitor.post("/inscription/organisation-absente", {
      ...person,
      kind: "commune",
      code: "123",
      name: "Commune nouvelle fictive",
      formerCodes: "29001, abc",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.html).toContain("Le code ne correspond pas au type de collectivité choisi.");
    expect(malformed.html).toContain("« ABC » n&#x27;est pas un code INSEE de commune");
    expect(malformed.html).toContain('value="Soazig"');
    const listed = await visitor.post("/inscription/organisation-absente", {
      ...person,
      kind: "commune",
      code: "35238",
      name: "Rennes",
    });
    expect(listed.status).toBe(400);
    expect(listed.html).toContain("Rennes est déjà dans la liste");
    expect(
      await db.select().from(accessRequests).where(eq(accessRequests.email, person.email)),
    ).toEqual([]);

    const asked = await visitor.post("/inscription/organisation-absente", {
      ...person,
      kind: "commune",
      code: newcomer.code,
      name: newcomer.name,
      formerCodes: former.map((row) => row.code).join(", "),
    });
    expect(asked.status).toBe(200);
    expect(asked.html).toContain("Demande enregistrée");
    await deliver();
    const mail = await smtp.waitFor(person.email, 20_000, "/inscription/confirmer/");
    const link = new URL(linkIn(mail, "/inscription/confirmer/")).pathname;
    await visitor.get(link);
    expect((await visitor.post(link, {})).status).toBe(302);

    // The DAECT sees what the reference data says, and approves.
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const [request] = await db
      .select()
      .from(accessRequests)
      .where(eq(accessRequests.email, person.email));
    const decision = await daect.get(`/demandes-acces/${request.id}`);
    expect(decision.html).toContain("Référentiel officiel");
    expect(decision.html).toContain(newcomer.name);
    expect(decision.html).toContain("ses partenariats de l&#x27;Atlas seront repris");
    // The prefecture of the région does not decide an addition to the register.
    const prefecture = new FormClient(served.portal.baseUrl);
    await prefecture.signIn("prefecture-53@example.org");
    expect((await prefecture.get(`/demandes-acces/${request.id}`)).status).toBe(404);
    const approved = await daect.post(`/demandes-acces/${request.id}`, {
      intent: "approve",
      version: daect.version,
    });
    expect(approved.status).toBe(200);
    const [entry] = rowsOf<{ id: number; partnerships: number }>(
      await db.execute(sql`
        SELECT c.id, (SELECT count(*)::int FROM atlas_partnership_collectivites pc
                       WHERE pc.collectivite_id = c.id) AS partnerships
          FROM register_collectivites c WHERE c.unit_id = ${`commune:${newcomer.code}`}`),
    );
    expect(entry.partnerships).toBe(former[0].partnerships + former[1].partnerships);
    const replaced = rowsOf<{ replaced_by_id: number; partnerships: number }>(
      await db.execute(sql`
        SELECT c.replaced_by_id, (SELECT count(*)::int FROM atlas_partnership_collectivites pc
                                   WHERE pc.collectivite_id = c.id) AS partnerships
          FROM register_collectivites c WHERE c.id IN (${former[0].id}, ${former[1].id})`),
    );
    expect(replaced).toEqual([
      { replaced_by_id: entry.id, partnerships: 0 },
      { replaced_by_id: entry.id, partnerships: 0 },
    ]);
    const soazig = await actorFor(db, person.email);
    expect(soazig.memberships).toEqual([expect.objectContaining({ isAdmin: true })]);
    // A former commune is no longer offered in the list.
    const gone = await visitor.get(
      `/inscription?groupe=collectivite&q=${encodeURIComponent(former[0].code)}`,
    );
    expect(gone.html).not.toContain(`value="collectivite:${former[0].id}"`);
  });

  it("cannot be approved with a code the reference data does not know: the DAECT is told, nothing changes", async () => {
    const { db } = served.database;
    const visitor = new FormClient(served.portal.baseUrl);
    await visitor.get("/inscription/organisation-absente");
    const asked = await visitor.post("/inscription/organisation-absente", {
      kind: "commune",
      code: "29999",
      name: "Commune inconnue",
      personFunction: "elu",
      givenName: "Erwan",
      familyName: "Exemple-Fictif",
      email: "erwan.exemple@inconnue.example.org",
    });
    expect(asked.status).toBe(200);
    const [request] = await db
      .update(accessRequests)
      .set({ status: "pending", confirmedAt: new Date() })
      .where(eq(accessRequests.email, "erwan.exemple@inconnue.example.org"))
      .returning();
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const page = await daect.get(`/demandes-acces/${request.id}`);
    expect(page.html).toContain("code inconnu du référentiel");
    const refused = await daect.post(`/demandes-acces/${request.id}`, {
      intent: "approve",
      version: daect.version,
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("ne correspond à aucune collectivité du référentiel officiel");
    const [after] = await db.select().from(accessRequests).where(eq(accessRequests.id, request.id));
    expect(after.status).toBe("pending");
    expect(
      rowsOf(
        await db.execute(sql`SELECT 1 FROM register_collectivites WHERE unit_id = 'commune:29999'`),
      ),
    ).toEqual([]);
  });
});
