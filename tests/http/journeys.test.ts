import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/platform/auth/sessions";
import { invitations } from "../../src/modules/accounts/schema";
import { mailOutbox } from "../../src/platform/mail/schema";
import { createSmtpTransport, deliverDueMails } from "../../src/platform/mail/worker";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";
import { linkIn, startSmtpServer } from "../support/smtp";

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
const pathOf = (url: string) => new URL(url).pathname;

describe("the portal over HTTP", () => {
  it("answers /healthz with the database kind", async () => {
    const response = await fetch(`${served.portal.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: served.database.kind });
  });

  it("sends security headers and a CSP without inline scripts", async () => {
    const response = await fetch(`${served.portal.baseUrl}/`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("serves a French DSFR home page with skip links and the computed Atlas figures", async () => {
    const html = await (await fetch(`${served.portal.baseUrl}/`)).text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain("fr-header");
    expect(html).toContain("fr-footer");
    expect(html).toContain('href="#contenu"');
    expect(html).toContain("4\u202f700");
    expect(html).toContain("10\u202f440");
  });
});

describe("sign-in and sign-out", () => {
  it("rotates the session id at sign-in and ends it at sign-out", async () => {
    const client = new FormClient(served.portal.baseUrl);
    await client.signIn("prefecture-53@example.org");
    const first = client.cookie(SESSION_COOKIE);
    expect((await client.get("/compte")).status).toBe(200);
    await client.signIn("prefecture-53@example.org");
    const second = client.cookie(SESSION_COOKIE);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    // The previous session id no longer opens anything.
    const stale = await fetch(`${served.portal.baseUrl}/compte`, {
      headers: { cookie: `${SESSION_COOKIE}=${first}` },
      redirect: "manual",
    });
    expect(stale.status).toBe(302);
    await client.get("/compte");
    expect((await client.post("/deconnexion", {})).status).toBe(302);
    expect((await client.get("/compte")).status).toBe(302);
  });

  it("explains bad input on the field with a 400 and keeps the typed address", async () => {
    const client = new FormClient(served.portal.baseUrl);
    await client.get("/connexion");
    const malformed = await client.post("/connexion", { email: "pas-une-adresse", password: "x" });
    expect(malformed.status).toBe(400);
    expect(malformed.html).toContain("n&#x27;est pas valide");
    expect(malformed.html).toContain('value="pas-une-adresse"');
    expect(malformed.html).toContain('aria-invalid="true"');
    const wrong = await client.post("/connexion", {
      email: "daect@example.org",
      password: "mauvais-mot-de-passe",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain("Adresse électronique ou mot de passe incorrect.");
    expect(wrong.html).not.toContain("mauvais-mot-de-passe");
  });

  it("rejects a form posted without its CSRF token, and changes nothing", async () => {
    const client = new FormClient(served.portal.baseUrl);
    await client.get("/connexion");
    const response = await client.post(
      "/connexion",
      { email: "daect@example.org", password: "Demo-AECT-2026!" },
      { withCsrf: false },
    );
    expect(response.status).toBe(403);
    expect(response.html).toContain("Le formulaire a expiré");
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
  });

  it("returns only same-site paths after sign-in", async () => {
    const client = new FormClient(served.portal.baseUrl);
    await client.get("/connexion");
    const response = await client.post("/connexion", {
      email: "daect@example.org",
      password: "Demo-AECT-2026!",
      retour: "//evil.example.com",
    });
    expect(response.location).toBe("/mon-espace");
  });
});

describe("forgotten password, end to end through SMTP", () => {
  it("mails a link that sets a new password", async () => {
    const client = new FormClient(served.portal.baseUrl);
    await client.get("/mot-de-passe/oubli");
    const asked = await client.post("/mot-de-passe/oubli", { email: "operateur-afd@example.org" });
    expect(asked.status).toBe(200);
    expect(asked.html).toContain("Demande enregistrée");
    await deliver();
    const mail = await smtp.waitFor("operateur-afd@example.org");
    expect(mail.subject).toContain("=?UTF-8?"); // French subject, MIME-encoded
    const link = pathOf(linkIn(mail, "/mot-de-passe/nouveau/"));

    expect((await client.get(link)).status).toBe(200);
    const tooShort = await client.post(link, { password: "court", confirmation: "court" });
    expect(tooShort.status).toBe(400);
    expect(tooShort.html).toContain("au moins 12 caractères");
    const done = await client.post(link, {
      password: "Un-nouveau-mot-de-passe",
      confirmation: "Un-nouveau-mot-de-passe",
    });
    expect(done.location).toBe("/connexion?reinitialise=1");
    expect((await client.get(link)).status).toBe(410);
    await client.signIn("operateur-afd@example.org", "Un-nouveau-mot-de-passe");
  });
});

describe("inviting a colleague, end to end through SMTP", () => {
  it("lets an organisation administrator invite, and the colleague join", async () => {
    const admin = new FormClient(served.portal.baseUrl);
    await admin.signIn("agent-243500139@example.org");
    const account = await admin.get("/compte");
    const membersPath = /href="(\/organisations\/\d+\/membres)"/.exec(account.html)![1];
    await admin.get(membersPath);
    const invalid = await admin.post(membersPath, { email: "agent-243500139@example.org" });
    expect(invalid.status).toBe(400);
    expect(invalid.html).toContain("est déjà membre de");
    const sent = await admin.post(membersPath, {
      email: "nouvelle.collegue@example.org",
      asAdmin: "on",
    });
    expect(sent.status).toBe(200);
    expect(sent.html).toContain("Invitation envoyée");

    await deliver();
    const link = pathOf(
      linkIn(await smtp.waitFor("nouvelle.collegue@example.org"), "/invitation/"),
    );
    const colleague = new FormClient(served.portal.baseUrl);
    expect((await colleague.get(link)).html).toContain("Rejoindre Rennes Métropole");
    const mismatch = await colleague.post(link, {
      displayName: "Sacha Exemple",
      password: "Mot-de-passe-solide",
      confirmation: "autre",
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.html).toContain('value="Sacha Exemple"');
    const joined = await colleague.post(link, {
      displayName: "Sacha Exemple",
      password: "Mot-de-passe-solide",
      confirmation: "Mot-de-passe-solide",
    });
    expect(joined.location).toBe("/compte?bienvenue=1");
    const members = await colleague.get(membersPath);
    expect(members.status).toBe(200);
    expect(members.html).toContain("Sacha Exemple");
    const [invitation] = await served.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, "nouvelle.collegue@example.org"));
    expect(invitation.acceptedAt).not.toBeNull();
  });

  it("shows the DAECT the kept mails in /admin", async () => {
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const outbox = await daect.get("/admin/courriels");
    expect(outbox.status).toBe(200);
    const [mail] = await served.database.db.select().from(mailOutbox).limit(1);
    expect(outbox.html).toContain(mail.recipient);
    const journal = await daect.get("/admin/journal");
    expect(journal.html).toContain("invitation");
    // Organisations are placed by the name of their région or country, not a code.
    const prefectures = await daect.get("/admin/organisations?type=prefecture");
    expect(prefectures.html).toContain("<td>Bretagne</td>");
    expect(prefectures.html).not.toContain("<td>53</td>");
    // What is typed is searched as text: "%" and "_" are no wildcards.
    const named = await daect.get("/admin/organisations?q=Bretagne");
    expect(named.html).toContain("Bretagne");
    expect((await daect.get("/admin/organisations?q=%25")).html).toContain("Aucune organisation");
    expect((await daect.get("/admin/utilisateurs?q=_")).html).toContain("Aucun compte");
  });

  it("lets the DAECT search the outbox by recipient, state, template and day", async () => {
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const mails = await served.database.db.select().from(mailOutbox);
    const [mail] = mails;
    const sameTemplate = mails.filter((row) => row.template === mail.template).length;
    const byTemplate = await daect.get(`/admin/courriels?template=${mail.template}`);
    expect(byTemplate.html).toContain(
      sameTemplate > 1 ? `${sameTemplate} courriels trouvés` : "1 courriel trouvé",
    );
    const byRecipient = await daect.get(
      `/admin/courriels?q=${encodeURIComponent(mail.recipient.toUpperCase())}&status=${mail.status}`,
    );
    expect(byRecipient.html).toContain(mail.recipient);
    const none = await daect.get(
      `/admin/courriels?q=${encodeURIComponent(mail.recipient)}&from=2036-01-01`,
    );
    expect(none.html).toContain("Aucun courriel trouvé");
    const wrong = await daect.get("/admin/courriels?from=2026-02-31&status=parti");
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain("La date de début n&#x27;existe pas dans le calendrier.");
    expect(wrong.html).toContain("Choisissez un état de la liste.");
    expect(wrong.html).toContain('value="2026-02-31"');
  });
});
