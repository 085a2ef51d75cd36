import http from "node:http";
import { desc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { safeReturnPath, sessionCookie } from "../../app/platform/http.server";
import { mailOutbox } from "../../src/platform/mail/schema";
import { HIDDEN_SECRET } from "../../src/platform/mail/sealed-secrets";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();

/** A raw POST whose body is sent in chunks without a declared length, as an attacker would. */
function chunkedPost(path: string, megabytes: number, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(served.portal.baseUrl + path);
    const request = http.request(
      { host: url.hostname, port: url.port, path, method: "POST", headers },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < megabytes * 16) {
        sent += 1;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      request.end();
    };
    request.on("response", () => {
      sent = Number.POSITIVE_INFINITY;
    });
    write();
  });
}

describe("request bodies", () => {
  it("cuts a form body past 1 Mo with a 413 in French, before anything parses it", async () => {
    const answer = await chunkedPost("/connexion", 20, {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("Envoi trop volumineux");
    expect(answer.body).toContain("1 Mo");
    // The portal still answers.
    expect((await fetch(`${served.portal.baseUrl}/healthz`)).status).toBe(200);
  });

  it("refuses an upload whose declared size is over its route's limit without reading it", async () => {
    const response = await fetch(`${served.portal.baseUrl}/bourse/demandes/nouvelle`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "60000000" },
      body: "--x--",
    }).catch((error: unknown) => error);
    // Either the 413 page or the connection closed on a body that never came: never a 2xx/5xx.
    if (response instanceof Response) expect(response.status).toBe(413);
  });

  it("answers a JSON or broken multipart body with a valid token with a 4xx, not a 500", async () => {
    const client = new FormClient(served.portal.baseUrl);
    await client.get("/connexion");
    const cookie = `aect_csrf=${client.cookie("aect_csrf")}`;
    const json = await fetch(`${served.portal.baseUrl}/connexion`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "x-csrf-token": client.csrfToken },
      body: JSON.stringify({ _csrf: client.csrfToken, email: "a@b.fr" }),
    });
    expect(json.status).toBe(415);
    const broken = await fetch(`${served.portal.baseUrl}/connexion`, {
      method: "POST",
      headers: { cookie, "content-type": "multipart/form-data; boundary=zz" },
      body: `--zz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken}\r\n--zz`,
    });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("illisible");
  });

  it("refuses control characters in an address or a form with a 400 naming the field", async () => {
    const search = await fetch(`${served.portal.baseUrl}/atlas/projets?q=eau%00potable`);
    expect(search.status).toBe(400);
    expect(await search.text()).toContain("« q » contient un caractère de contrôle");
    const api = await fetch(`${served.portal.baseUrl}/api/v1/projects?q=%00`);
    expect(api.status).toBe(400);
    expect((await api.json()).error).toContain("caractère de contrôle");
    const client = new FormClient(served.portal.baseUrl);
    await client.get("/connexion");
    const form = await client.post("/connexion", { email: "a\u0000@example.org", password: "x" });
    expect(form.status).toBe(400);
    expect(form.html).toContain("« email » contient un caractère de contrôle");
  });

  it("never names a route file on a 405", async () => {
    const client = new FormClient(served.portal.baseUrl);
    await client.get("/connexion");
    const answer = await client.post("/accessibilite", { a: "b" });
    expect(answer.status).toBe(405);
    expect(answer.html).not.toContain("routes/");
    expect(answer.html).toContain("ne reçoit pas de formulaire");
    const data = await fetch(`${served.portal.baseUrl}/accessibilite.data`, {
      method: "POST",
      headers: {
        cookie: client.cookieHeaderForTests(),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: client.csrfToken }),
    });
    expect(data.status).toBe(405);
    expect(await data.text()).not.toContain("routes/");
  });
});

describe("caching and cookies", () => {
  it("marks signed-in and secret-link pages no-store, and sends no cookie with a public response", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const page = await fetch(`${served.portal.baseUrl}/compte`, {
      headers: { cookie: `aect_session=${agent.cookie("aect_session")}` },
    });
    expect(page.headers.get("cache-control")).toContain("no-store");
    const follow = await fetch(`${served.portal.baseUrl}/bourse/suivi/un-lien-quelconque-inconnu`);
    expect(follow.headers.get("cache-control")).toContain("no-store");
    const api = await fetch(`${served.portal.baseUrl}/api/v1/bourse/stats`);
    expect(api.headers.get("cache-control")).toContain("public");
    expect(api.headers.get("set-cookie")).toBeNull();
  });

  it("names cookies with __Host- over HTTPS", () => {
    const cookie = sessionCookie("jeton", true);
    expect(cookie).toMatch(/^__Host-aect_session=jeton;/);
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("Path=/");
    expect(sessionCookie("jeton", false)).toMatch(/^aect_session=jeton;/);
  });
});

describe("sign-in", () => {
  it("sends back only to same-site paths", () => {
    for (const evil of [
      "/\t/evil.example/x",
      "//evil.example",
      "/\\evil.example",
      "/a\nb",
      "https://evil.example/",
    ])
      expect(safeReturnPath(evil)).toBe("/mon-espace");
    expect(safeReturnPath("/atlas/projets?q=eau")).toBe("/atlas/projets?q=eau");
  });

  it("ignores X-Forwarded-For unless a proxy is trusted: rotating it does not dodge the limit", async () => {
    const client = new FormClient(served.portal.baseUrl);
    await client.get("/connexion");
    const statuses: number[] = [];
    for (let n = 0; n < 5; n += 1) {
      const response = await fetch(`${served.portal.baseUrl}/connexion`, {
        method: "POST",
        headers: {
          cookie: `aect_csrf=${client.cookie("aect_csrf")}`,
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": `198.51.100.${n}`,
        },
        body: new URLSearchParams({
          _csrf: client.csrfToken,
          email: "agent-53@example.org",
          password: `faux-${n}`,
        }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    // Every try counted for the real client: from the fourth, it must wait.
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});

describe("heavy exports", () => {
  it("run one at a time per client: a second one at once is told to retry", async () => {
    const url = `${served.portal.baseUrl}/api/v1/projects/export?format=pdf`;
    const [first, second] = await Promise.all([fetch(url), fetch(url)]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 503]);
    const refused = first.status === 503 ? first : second;
    expect(refused.headers.get("retry-after")).toBe("60");
    const served200 = first.status === 200 ? first : second;
    expect((await refused.json()).error).toContain("Réessayez");
    await served200.arrayBuffer();
    // Once done, the slot is free again.
    const again = await fetch(url);
    expect(again.status).toBe(200);
    await again.arrayBuffer();
  });
});

describe("the mail outbox", () => {
  it("holds no usable secret link: a reader of every stored mail opens nothing with them", async () => {
    const visitor = new FormClient(served.portal.baseUrl);
    await visitor.get("/mot-de-passe/oubli");
    await visitor.post("/mot-de-passe/oubli", { email: "prefecture-84@example.org" });
    const mails = await served.database.db.select().from(mailOutbox).orderBy(desc(mailOutbox.id));
    const reset = mails.find((mail) => mail.template === "password-reset");
    expect(reset?.sealedSecrets).toBeTruthy();
    const links = new Set<string>();
    for (const mail of mails)
      for (const body of [mail.bodyText, mail.bodyHtml])
        for (const match of body.matchAll(/https?:\/\/[^\s"<>]+/g)) links.add(match[0]);
    const secretLinks = [...links].filter((link) =>
      /\/(mot-de-passe\/nouveau|invitation|bourse\/suivi)\//.test(link),
    );
    expect(secretLinks.length).toBeGreaterThan(0);
    const reader = new FormClient(served.portal.baseUrl);
    for (const link of secretLinks) {
      const page = await reader.get(new URL(link).pathname);
      expect(page.status, link).toBeGreaterThanOrEqual(400);
    }
    // The DAECT's page of the mail shows where the link was, not the link.
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const shown = await daect.get(`/admin/courriels/${reset!.id}`);
    expect(shown.html).toContain(HIDDEN_SECRET);
    expect(shown.html).not.toMatch(/mot-de-passe\/nouveau\/[\w-]{20,}/);
    const data = await fetch(`${served.portal.baseUrl}/admin/courriels/${reset!.id}.data`, {
      headers: { cookie: `aect_session=${daect.cookie("aect_session")}` },
    });
    expect(await data.text()).not.toContain(reset!.sealedSecrets!);
  });
});
