import { eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveAccessRequest } from "../../src/modules/accounts/index";
import {
  accessRequests,
  federatedIdentities,
  federatedLogins,
} from "../../src/modules/accounts/schema";
import { users } from "../../src/platform/auth/schema";
import { rowsOf } from "../../src/platform/db/client";
import { createSmtpTransport, deliverDueMails } from "../../src/platform/mail/worker";
import { actorFor } from "../support/actors";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";
import {
  ProviderBrowser,
  type TestIdentity,
  type TestProvider,
  startProConnectProvider,
} from "../support/proconnect";
import { linkIn, startSmtpServer } from "../support/smtp";

/**
 * ProConnect sign-in against a real OpenID Connect provider started on loopback: a new
 * person asks for access with the organisation of their SIRET; an existing one links their
 * account; a replayed, forged or malformed callback creates nothing.
 */
const identities: TestIdentity[] = [
  {
    label: "Agente de Rennes (compte existant)",
    sub: "pc-rennes",
    given_name: "Camille",
    usual_name: "Martin-Exemple",
    email: "agent-35238@example.org",
    uid: "1",
    siret: "21350238800017",
  },
  {
    label: "Nouvelle agente",
    sub: "pc-nouvelle",
    given_name: "Maëlle",
    usual_name: "Nouvel-Exemple",
    email: "maelle.nouvel@mairie-fictive.example.org",
    uid: "2",
    // Set once the collectivité is chosen, below.
    siret: "",
  },
  {
    label: "SIRET mal formé",
    sub: "pc-siret",
    given_name: "Alex",
    usual_name: "Erreur-Exemple",
    email: "alex.erreur@mairie-fictive.example.org",
    uid: "3",
    siret: "12AB",
  },
  {
    label: "Agent du département (lien par courriel)",
    sub: "pc-departement",
    given_name: "Alix",
    usual_name: "Bernard-Démo",
    email: "agent-35@example.org",
    uid: "4",
    siret: "22350001800013",
  },
];

let provider: TestProvider;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let newcomerEntry: { id: number; name: string; siren: string };

beforeAll(async () => {
  provider = await startProConnectProvider(identities);
  smtp = await startSmtpServer();
});
const served = portalForTestFile(() => ({
  OIDC_ISSUER_URL: provider.issuer,
  OIDC_CLIENT_ID: provider.clientId,
  OIDC_CLIENT_SECRET: provider.clientSecret,
}));
beforeAll(async () => {
  provider.allowPortal(served.portal.baseUrl);
  const [entry] = rowsOf<{ id: number; name: string; siren: string }>(
    await served.database.db.execute(sql`
      SELECT c.id, c.name, u.siren FROM register_collectivites c
        JOIN ref_territorial_units u ON u.id = c.unit_id
       WHERE u.siren IS NOT NULL AND c.kind = 'commune' AND c.region_code = '52'
         AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = c.organisation_id)
       ORDER BY c.id LIMIT 1`),
  );
  newcomerEntry = entry;
  identities[1].siret = `${entry.siren}00011`;
});
afterAll(async () => {
  await provider?.close();
  await smtp?.close();
});

/** Clicks the ProConnect button and signs in at the provider as `sub`. */
async function throughProConnect(client: FormClient, sub: string) {
  const signInPage = await client.get("/connexion");
  expect(signInPage.html).toContain("ProConnect");
  const started = await client.post("/connexion/proconnect", { retour: "/compte" });
  expect(started.status).toBe(302);
  expect(started.location).toMatch(new RegExp(`^${provider.issuer}/auth\\?`));
  const authorization = new URL(started.location!);
  expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorization.searchParams.get("state")).toBeTruthy();
  expect(authorization.searchParams.get("nonce")).toBeTruthy();
  return new ProviderBrowser(provider.issuer).signIn(started.location!, sub);
}

const path = (url: URL) => url.pathname + url.search;

describe("ProConnect sign-in", () => {
  it("sends a new person to the access request with the organisation of their SIRET; once approved, ProConnect signs them in", async () => {
    const { db } = served.database;
    const visitor = new FormClient(served.portal.baseUrl);
    const callback = await throughProConnect(visitor, "pc-nouvelle");
    const back = await visitor.get(path(callback));
    expect(back.status).toBe(302);
    expect(back.location).toBe(`/inscription?groupe=collectivite&q=${newcomerEntry.siren}`);
    const form = await visitor.get(back.location!);
    expect(form.html).toContain("identifié(e) par ProConnect");
    expect(form.html).toMatch(
      new RegExp(
        `value="collectivite:${newcomerEntry.id}"[^>]*checked|checked[^>]*value="collectivite:${newcomerEntry.id}"`,
      ),
    );
    expect(form.html).toContain('value="Maëlle"');
    expect(form.html).toContain('value="maelle.nouvel@mairie-fictive.example.org"');
    const asked = await visitor.post(back.location!, {
      group: "collectivite",
      organisation: `collectivite:${newcomerEntry.id}`,
      personFunction: "charge_cooperation",
      givenName: "Maëlle",
      familyName: "Nouvel-Exemple",
      email: "maelle.nouvel@mairie-fictive.example.org",
    });
    expect(asked.status).toBe(200);
    const [request] = await db
      .select()
      .from(accessRequests)
      .where(eq(accessRequests.email, "maelle.nouvel@mairie-fictive.example.org"));
    expect(request.federatedSubject).toBe("pc-nouvelle");

    // Confirmed and approved, the identity is linked: ProConnect now signs the person in.
    await db
      .update(accessRequests)
      .set({ status: "pending", confirmedAt: new Date() })
      .where(eq(accessRequests.id, request.id));
    const daect = await actorFor(db, "daect@example.org");
    await approveAccessRequest(
      db,
      daect,
      request.id,
      String(request.version),
      served.portal.baseUrl,
    );
    const again = new FormClient(served.portal.baseUrl);
    const signedIn = await again.get(path(await throughProConnect(again, "pc-nouvelle")));
    expect(signedIn.location).toBe("/compte");
    const account = await again.get("/compte");
    expect(account.status).toBe(200);
    expect(account.html).toContain(newcomerEntry.name);
  });

  it("links an existing account after its password, then signs in and out through the provider; a replayed callback is refused", async () => {
    const { db } = served.database;
    const client = new FormClient(served.portal.baseUrl);
    const callback = await throughProConnect(client, "pc-rennes");
    const back = await client.get(path(callback));
    expect(back.location).toBe("/connexion/proconnect/lier");
    const linkPage = await client.get("/connexion/proconnect/lier");
    expect(linkPage.html).toContain("agent-35238@example.org");
    const wrong = await client.post("/connexion/proconnect/lier", {
      intent: "password",
      password: "pas-le-bon-mot-de-passe",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain("Le mot de passe est incorrect.");
    const linked = await client.post("/connexion/proconnect/lier", {
      intent: "password",
      password: "Demo-AECT-2026!",
    });
    expect(linked.status).toBe(302);
    expect(linked.location).toBe("/compte");
    expect((await client.get("/compte")).status).toBe(200);
    const rennesId = (await actorFor(db, "agent-35238@example.org")).userId;
    expect(
      await db.select().from(federatedIdentities).where(eq(federatedIdentities.userId, rennesId)),
    ).toEqual([expect.objectContaining({ provider: "proconnect", subject: "pc-rennes" })]);

    // The same callback again, from the same browser or another: refused, nobody signed in.
    const replayed = await client.get(path(callback));
    expect(replayed.status).toBe(400);
    expect(replayed.html).toContain("n&#x27;a pas pu être vérifiée");
    const stranger = new FormClient(served.portal.baseUrl);
    expect((await stranger.get(path(callback))).status).toBe(400);
    expect((await stranger.get("/compte")).status).toBe(302);

    // Next time ProConnect signs in at once; signing out ends the provider's session too.
    const browser = new FormClient(served.portal.baseUrl);
    const direct = await browser.get(path(await throughProConnect(browser, "pc-rennes")));
    expect(direct.location).toBe("/compte");
    await browser.get("/compte");
    const signedOut = await browser.post("/deconnexion", {});
    expect(signedOut.location).toMatch(new RegExp(`^${provider.issuer}/session/end\\?`));
    expect(new URL(signedOut.location!).searchParams.get("id_token_hint")).toBeTruthy();
    expect((await browser.get("/compte")).status).toBe(302);
  });

  it("links by a mailed link when the person prefers", async () => {
    const client = new FormClient(served.portal.baseUrl);
    const back = await client.get(path(await throughProConnect(client, "pc-departement")));
    expect(back.location).toBe("/connexion/proconnect/lier");
    await client.get(back.location!);
    const mailed = await client.post("/connexion/proconnect/lier", { intent: "mail" });
    expect(mailed.status).toBe(200);
    expect(mailed.html).toContain("Courriel envoyé");
    await deliverDueMails(served.database.db, createSmtpTransport(smtp.url), {
      from: served.portal.config.mailFrom,
    });
    const mail = await smtp.waitFor("agent-35@example.org", 20_000, "/connexion/proconnect/lier/");
    const link = new URL(linkIn(mail, "/connexion/proconnect/lier/")).pathname;
    const elsewhere = new FormClient(served.portal.baseUrl);
    expect((await elsewhere.get(link)).html).toContain("Relier mon compte et me connecter");
    const done = await elsewhere.post(link, {});
    expect(done.location).toBe("/compte");
    expect((await elsewhere.get("/compte")).status).toBe(200);
    expect((await elsewhere.get(link)).status).toBe(404);
  });

  it("refuses a forged state, a tampered nonce and a malformed SIRET, creating nothing", async () => {
    const { db } = served.database;
    const client = new FormClient(served.portal.baseUrl);
    const callback = await throughProConnect(client, "pc-siret");
    const forged = new URL(callback);
    forged.searchParams.set("state", "etat-falsifie");
    const refused = await client.get(path(forged));
    expect(refused.status).toBe(400);
    // The real callback is spent by the forged attempt: a state is tried once.
    expect((await client.get(path(callback))).status).toBe(400);

    // A nonce that is not the one sent: the ID token is refused by its check.
    const tampered = new FormClient(served.portal.baseUrl);
    const tamperedCallback = await throughProConnect(tampered, "pc-rennes");
    await db
      .update(federatedLogins)
      .set({ nonce: "nonce-falsifie" })
      .where(isNull(federatedLogins.calledBackAt));
    const wrongNonce = await tampered.get(path(tamperedCallback));
    expect(wrongNonce.status).toBe(400);
    expect(wrongNonce.html).toContain("n&#x27;a pas pu être vérifiée");
    expect((await tampered.get("/compte")).status).toBe(302);

    const other = new FormClient(served.portal.baseUrl);
    const malformed = await other.get(path(await throughProConnect(other, "pc-siret")));
    expect(malformed.status).toBe(400);
    expect(malformed.html).toContain(
      "Le numéro SIRET transmis par ProConnect n&#x27;est pas valide",
    );
    expect(
      await db
        .select()
        .from(users)
        .where(eq(users.email, "alex.erreur@mairie-fictive.example.org")),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(federatedIdentities)
        .where(eq(federatedIdentities.subject, "pc-siret")),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(accessRequests)
        .where(eq(accessRequests.email, "alex.erreur@mairie-fictive.example.org")),
    ).toEqual([]);
  });
});
