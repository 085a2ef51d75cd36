import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { createProject } from "../../src/modules/atlas/index";
import { sendAlertDigests } from "../../src/modules/workspace/index";
import { extractions, savedSearches } from "../../src/modules/workspace/schema";
import { mailOutbox } from "../../src/platform/mail/schema";
import { actorFor } from "../support/actors";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";
import { collectivites } from "../../src/modules/register/index";

/** "Mon espace": saved searches with their map view, kept extractions, weekly alerts. */
const served = portalForTestFile();

const apiTotal = async (query: string) => {
  const response = await fetch(`${served.portal.baseUrl}/api/v1/projects?${query}&limit=1`);
  return ((await response.json()) as { total: number }).total;
};

async function download(client: FormClient, path: string) {
  return fetch(`${served.portal.baseUrl}${path}`, {
    headers: { cookie: `aect_session=${client.cookie("aect_session")}` },
  });
}

describe("Mon espace", () => {
  it("keeps a search with its map view and an extraction, for its owner only", async () => {
    const visitorPage = await new FormClient(served.portal.baseUrl).get(
      "/atlas/projets?country=SN",
    );
    expect(visitorPage.html).not.toContain("Garder dans Mon espace");

    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const map = await agent.get("/atlas/carte?vue=regions&country=SN");
    expect(map.html).toContain("Enregistrer cette recherche");
    const saved = await agent.post("/mon-espace", {
      intent: "enregistrer-recherche",
      name: "Sénégal par région",
      query: "country=SN&vue=regions",
      alert: "on",
    });
    expect(saved.status).toBe(302);
    const space = await agent.get("/mon-espace?fait=recherche");
    expect(space.html).toContain("La recherche est enregistrée");
    expect(space.html).toContain('href="/atlas/projets?country=SN">Sénégal par région</a>');
    expect(space.html).toContain('href="/atlas/carte?country=SN&amp;vue=regions">sur sa carte</a>');

    const kept = await agent.post("/mon-espace", {
      intent: "garder-extraction",
      format: "csv",
      query: "country=SN&theme=eau-assainissement",
    });
    expect(kept.status).toBe(302);
    const [file] = await served.database.db.select().from(extractions);
    const response = await download(agent, `/mon-espace/extractions/${file.id}`);
    expect(response.status).toBe(200);
    const rows = parse(Buffer.from(await response.arrayBuffer()), {
      bom: true,
      delimiter: ";",
      columns: true,
    }) as unknown[];
    expect(rows.length).toBe(await apiTotal("country=SN&theme=eau-assainissement"));

    const pdf = await agent.post("/mon-espace", {
      intent: "garder-extraction",
      format: "pdf",
      query: "country=SN",
    });
    expect(pdf.status).toBe(302);
    const [pdfFile] = await served.database.db
      .select()
      .from(extractions)
      .where(eq(extractions.format, "pdf"));
    const document = await getDocumentProxy(new Uint8Array(pdfFile.content));
    expect((await extractText(document, { mergePages: true })).text).toContain("Pays : Sénégal");

    // Someone else sees neither the file nor can delete it.
    const other = new FormClient(served.portal.baseUrl);
    await other.signIn("agent-35@example.org");
    expect((await download(other, `/mon-espace/extractions/${file.id}`)).status).toBe(404);
    await other.get("/mon-espace");
    const refused = await other.post("/mon-espace", {
      intent: "supprimer-extraction",
      id: String(file.id),
    });
    expect(refused.status).toBe(404);
    expect(
      await served.database.db.select().from(extractions).where(eq(extractions.id, file.id)),
    ).toHaveLength(1);
    expect((await other.get("/mon-espace")).html).not.toContain("Sénégal par région");

    // The owner deletes it.
    await agent.get("/mon-espace");
    expect(
      (await agent.post("/mon-espace", { intent: "supprimer-extraction", id: String(file.id) }))
        .status,
    ).toBe(302);
    expect((await download(agent, `/mon-espace/extractions/${file.id}`)).status).toBe(404);
  });

  it("mails a weekly digest of the new projects of alerted searches", async () => {
    const { db } = served.database;
    const agent = await actorFor(db, "agent-35238@example.org");
    const [search] = await db
      .select()
      .from(savedSearches)
      .where(and(eq(savedSearches.userId, agent.userId), eq(savedSearches.alert, true)));
    const [rennes] = await db
      .select({ id: collectivites.id })
      .from(collectivites)
      .where(eq(collectivites.unitId, "commune:35238"));
    const newProject = (title: string) =>
      createProject(db, agent, rennes.id, {
        title,
        domainCode: "economie-durable",
        themes: ["tourisme"],
        countries: ["SN"],
        status: "en_projet",
      });
    const digests = () =>
      db.select().from(mailOutbox).where(eq(mailOutbox.template, "atlas-alert-digest"));
    const now = new Date();
    const publicUrl = served.portal.config.publicUrl;

    // Nothing new yet: no mail.
    expect(await sendAlertDigests(db, { now, publicUrl })).toEqual({ sent: 0 });
    await newProject("Écotourisme solidaire dans le Sine-Saloum");
    expect(await sendAlertDigests(db, { now, publicUrl })).toEqual({ sent: 1 });
    const [digest] = await digests();
    expect(digest.recipient).toBe("agent-35238@example.org");
    expect(digest.bodyText).toContain("« Sénégal par région » : 1 nouveau projet");
    expect(digest.bodyText).toContain("Écotourisme solidaire dans le Sine-Saloum");

    // At most weekly: a new project the next day waits for the week to pass.
    await newProject("Guides touristiques de Joal-Fadiouth");
    const nextDay = new Date(now.getTime() + 24 * 3600 * 1000);
    expect(await sendAlertDigests(db, { now: nextDay, publicUrl })).toEqual({ sent: 0 });
    const nextWeek = new Date(now.getTime() + 8 * 24 * 3600 * 1000);
    expect(await sendAlertDigests(db, { now: nextWeek, publicUrl })).toEqual({ sent: 1 });
    const second = (await digests()).find((mail) => mail.bodyText.includes("Joal-Fadiouth"));
    expect(second?.bodyText).not.toContain("Sine-Saloum");
    expect(search.name).toBe("Sénégal par région");
  });
});
