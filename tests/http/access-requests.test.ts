import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accessRequests } from "../../src/modules/accounts/schema";
import { rowsOf } from "../../src/platform/db/client";
import { mailOutbox } from "../../src/platform/mail/schema";
import { actorFor } from "../support/actors";
import { FormClient } from "../support/browserless";
import { deliveredText } from "../support/outbox";
import { portalForTestFile } from "../support/portal";
import { taskLinks } from "../support/tasks";

/** An access request through its pages: asked, confirmed by its link, approved from a task. */
const served = portalForTestFile();

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

    // The mailed link opens a page whose button confirms.
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.template, "access-request-confirm"),
          eq(mailOutbox.recipient, "morgane.exemple@mairie.example.org"),
        ),
      );
    const link = /https?:\/\/[^/]+(\/inscription\/confirmer\/[\w-]+)/.exec(deliveredText(mail))![1];
    console.log("LINK", link, deliveredText(mail).slice(0, 600));
    const page = await visitor.get(link);
    console.log(
      "PAGE",
      page.status,
      page.html.slice(page.html.indexOf("<main"), page.html.indexOf("<main") + 800),
    );
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
  });
});
