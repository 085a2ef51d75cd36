import { and, count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailOutbox } from "../../src/platform/mail/schema";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";
import { collectivites } from "../../src/modules/register/index";

/** An update campaign: opened by the DAECT, answered by a collectivité, followed, reminded. */
const served = portalForTestFile();

const mailsTo = async (recipient: string, template: string) =>
  served.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, recipient), eq(mailOutbox.template, template)));

describe("update campaign", () => {
  it("mails every collectivité, records confirmations, shows progress and reminds the others", async () => {
    const { db } = served.database;
    const [{ n: atlasCollectivites }] = await db.select({ n: count() }).from(collectivites);
    const [rennes] = await db
      .select({ id: collectivites.id })
      .from(collectivites)
      .where(eq(collectivites.unitId, "commune:35238"));

    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    await daect.get("/admin/campagnes");
    const bad = await daect.post("/admin/campagnes", {
      title: "",
      message: "x",
      closesOn: "2020-01-01",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Le titre de la campagne est obligatoire.");

    const opened = await daect.post("/admin/campagnes", {
      title: "Mise à jour 2027",
      message: "Merci de vérifier vos projets de coopération avant la publication annuelle.",
      closesOn: `${new Date().getFullYear() + 1}-03-31`,
    });
    expect(opened.status).toBe(302);
    const campaignPath = opened.location!;

    // Every collectivité is asked: its agents and its Atlas contact get the mail.
    const [{ n: asked }] = await db
      .select({ n: count() })
      .from(mailOutbox)
      .where(eq(mailOutbox.template, "atlas-campaign"));
    expect(asked).toBeGreaterThanOrEqual(atlasCollectivites);
    const [invitation] = await mailsTo("agent-35238@example.org", "atlas-campaign");
    expect(invitation.subject).toBe("Mise à jour de l'Atlas : vérifiez les données de Rennes");
    expect(invitation.bodyText).toContain(`/atlas/collectivites/${rennes.id}`);
    expect(invitation.bodyText).toContain("avant la publication annuelle");
    expect(invitation.bodyText).not.toContain("/inscription");

    // A collectivité nobody has an account in: its contact is sent to the access request,
    // the collectivité already chosen.
    const [memberless] = await db
      .select({ id: collectivites.id, name: collectivites.name, email: collectivites.contactEmail })
      .from(collectivites)
      .where(eq(collectivites.unitId, "commune:29019"));
    const [asking] = await mailsTo(memberless.email!, "atlas-campaign");
    const accessLink = `/inscription?groupe=collectivite&organisation=collectivite:${memberless.id}`;
    expect(asking.bodyText).toContain(accessLink);
    expect(asking.bodyText).toContain(
      "Personne n'a encore de compte sur le Portail AECT pour Brest",
    );
    expect(asking.bodyText).not.toContain(`/atlas/collectivites/${memberless.id}`);
    const form = await new FormClient(served.portal.baseUrl).get(accessLink);
    expect(form.html).toMatch(
      new RegExp(
        `value="collectivite:${memberless.id}"[^>]*checked|checked[^>]*value="collectivite:${memberless.id}"`,
      ),
    );
    expect(form.html).toContain("Brest");

    const before = await daect.get(campaignPath);
    expect(before.html).toContain(`0 collectivités sur ${atlasCollectivites} ont confirmé`);

    // The Rennes agent confirms from the collectivité's fiche.
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const fiche = await agent.get(`/atlas/collectivites/${rennes.id}`);
    expect(fiche.html).toContain("Campagne de mise à jour : Mise à jour 2027");
    const confirmed = await agent.post(`/atlas/collectivites/${rennes.id}`, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.html).toContain("Données confirmées à jour le");

    const after = await daect.get(campaignPath);
    expect(after.html).toContain(`1 collectivités sur ${atlasCollectivites} ont confirmé`);

    // A reminder goes to those that did not answer, not to Rennes.
    const reminded = await daect.post(campaignPath, { intent: "relancer", version: daect.version });
    expect(reminded.status).toBe(200);
    expect(reminded.html).toContain(
      `Relance écrite pour ${(atlasCollectivites - 1).toLocaleString("fr-FR")} collectivités`,
    );
    expect(await mailsTo("agent-35238@example.org", "atlas-campaign-reminder")).toEqual([]);
    expect(await mailsTo("agent-35@example.org", "atlas-campaign-reminder")).toHaveLength(1);

    // Closing ends the campaign: the fiche no longer asks, reminders are refused.
    await daect.get(campaignPath);
    await daect.post(campaignPath, { intent: "cloturer", version: daect.version });
    expect((await agent.get(`/atlas/collectivites/${rennes.id}`)).html).not.toContain(
      "Campagne de mise à jour",
    );
    const late = await daect.post(campaignPath, { intent: "relancer", version: daect.version });
    expect(late.status).toBe(400);
    const [{ n: secondRound }] = await db
      .select({ n: count() })
      .from(mailOutbox)
      .where(like(mailOutbox.idempotencyKey, "campaign:%:reminder:2:%"));
    expect(secondRound).toBe(0);
  });
});
