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
