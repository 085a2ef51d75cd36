import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { apdLines } from "../../src/modules/apd/schema";
import { rowsOf } from "../../src/platform/db/client";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";

/** The declaration through its forms, as a browser without JavaScript sends them. */
const served = portalForTestFile();
let declarationPath = "";
let declarationId = 0;

const linesStored = async () =>
  (
    await served.database.db
      .select({ id: apdLines.id })
      .from(apdLines)
      .where(eq(apdLines.declarationId, declarationId))
  ).length;

const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? "";

const goodLine = {
  intent: "line",
  recipientCode: "SN",
  purposeCode: "14030",
  amount: "12 500,50",
  flow: "don",
  channel: "ong",
  projectId: "",
  description: "Forages à Podor",
};

beforeAll(async () => {
  const daect = new FormClient(served.portal.baseUrl);
  await daect.signIn("daect@example.org");
  await daect.get("/admin/apd");
  const today = new Date().toISOString().slice(0, 10);
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const opened = await daect.post("/admin/apd", {
    year: "2024",
    opensOn: today,
    closesOn: inAMonth,
    message: "",
  });
  expect(opened.status).toBe(302);

  const [{ id: rennes }] = rowsOf<{ id: number }>(
    await served.database.db.execute(
      sql`SELECT id FROM register_collectivites WHERE unit_id = 'commune:35238'`,
    ),
  );
  const agent = new FormClient(served.portal.baseUrl);
  await agent.signIn("agent-35238@example.org");
  await agent.get(`/apd/collectivites/${rennes}`);
  const started = await agent.post(`/apd/collectivites/${rennes}`, { year: "2024" });
  expect(started.status).toBe(302);
  declarationPath = started.location ?? "";
  declarationId = Number(declarationPath.split("/").pop());
});

describe("the declaration's forms", () => {
  it("refuses a line saved from a stale page with 409, keeping what was typed, and saves nothing", async () => {
    const first = new FormClient(served.portal.baseUrl);
    const second = new FormClient(served.portal.baseUrl);
    await first.signIn("agent-35238@example.org");
    await second.signIn("agent-35238@example.org");
    const stalePage = await first.get(declarationPath);
    const staleVersion = versionOn(stalePage.html);
    const before = await linesStored();

    // A colleague adds a line meanwhile.
    const page = await second.get(declarationPath);
    const added = await second.post(declarationPath, {
      ...goodLine,
      version: versionOn(page.html),
    });
    expect(added.status).toBe(200);
    expect(added.html).toContain("La ligne est ajoutée.");

    const refused = await first.post(declarationPath, {
      ...goodLine,
      amount: "3 000",
      description: "Bourses d'études à Saint-Louis",
      version: staleVersion,
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain("La déclaration a été modifiée depuis que vous avez ouvert");
    expect(refused.html).toContain('value="3 000"');
    expect(refused.html).toContain("Bourses d&#x27;études à Saint-Louis");
    expect(await linesStored()).toBe(before + 1);
    // The refreshed page carries the new version: saving again works.
    const retried = await first.post(declarationPath, {
      ...goodLine,
      amount: "3 000",
      version: versionOn(refused.html),
    });
    expect(retried.status).toBe(200);
    expect(await linesStored()).toBe(before + 2);
  });

  it("refuses an uploaded file with bad lines, listing each, and imports nothing", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const page = await agent.get(declarationPath);
    const before = await linesStored();
    const header = "pays;code_secteur;montant;type_flux;canal;projet_atlas;description";
    const form = new FormData();
    form.set("intent", "import");
    form.set("version", versionOn(page.html));
    form.set(
      "fichier",
      new File(
        [`${header}\nSN;14030;100;don;direct;;\nFR;14030;100;don;direct;;\nSN;14030;zéro;don;;;\n`],
        "lignes.csv",
        { type: "text/csv" },
      ),
    );
    const refused = await agent.postMultipart(declarationPath, form);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('id="erreurs-import"');
    expect(refused.html).toMatch(/<td>3<\/td><td>pays<\/td>/);
    expect(refused.html).toMatch(/<td>4<\/td><td>montant<\/td>/);
    expect(refused.html).toMatch(/<td>4<\/td><td>canal<\/td>/);
    expect(refused.html).not.toMatch(/<td>2<\/td>/);
    expect(await linesStored()).toBe(before);

    const empty = new FormData();
    empty.set("intent", "import");
    empty.set("version", versionOn(refused.html));
    const noFile = await agent.postMultipart(declarationPath, empty);
    expect(noFile.status).toBe(400);
    expect(noFile.html).toContain('id="erreur-fichier"');
    expect(await linesStored()).toBe(before);
  });

  it("explains a bad correction of a line on its field and keeps the stored line", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const [line] = await served.database.db
      .select()
      .from(apdLines)
      .where(eq(apdLines.declarationId, declarationId))
      .limit(1);
    const linePath = `${declarationPath}/lignes/${line.id}`;
    const page = await agent.get(linePath);
    expect(page.status).toBe(200);
    const refused = await agent.post(linePath, {
      ...goodLine,
      amount: "0",
      version: versionOn(page.html),
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('id="champ-amount"');
    expect(refused.html).toMatch(
      /aria-invalid="true"[^>]*id="champ-amount"|id="champ-amount"[^>]*aria-invalid="true"/,
    );
    const [after] = await served.database.db
      .select()
      .from(apdLines)
      .where(eq(apdLines.id, line.id));
    expect(after.amountCents).toBe(line.amountCents);
  });

  it("answers any text typed in the line form with a French message, never a 5xx, and stores only valid lines", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    await agent.get(declarationPath);
    const fields = ["recipientCode", "purposeCode", "amount", "flow", "channel", "projectId"];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          ...Object.fromEntries(fields.map((field) => [field, fc.string({ maxLength: 40 })])),
          description: fc.string({ maxLength: 3_000 }),
        }),
        async (values) => {
          const before = await linesStored();
          const page = await agent.get(declarationPath);
          const response = await agent.post(declarationPath, {
            ...(values as Record<string, string>),
            intent: "line",
            version: versionOn(page.html),
          });
          expect([200, 400]).toContain(response.status);
          expect(response.html).not.toMatch(/at .+\.(js|ts):\d+/);
          if (response.status === 400) {
            expect(response.html).toContain("fr-alert--error");
            expect(await linesStored()).toBe(before);
          }
        },
      ),
      { numRuns: 30, seed: 2026 },
    );
  });

  it("submits and serves the receipt as a PDF to the agent only", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const page = await agent.get(declarationPath);
    const submitted = await agent.post(declarationPath, {
      intent: "submit",
      version: versionOn(page.html),
    });
    expect(submitted.status).toBe(200);
    expect(submitted.html).toContain("La déclaration est transmise (version 1");
    const receipt = await fetch(`${served.portal.baseUrl}${declarationPath}/accuse-reception/1`, {
      headers: { cookie: `aect_session=${agent.cookie("aect_session")}` },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await receipt.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const other = new FormClient(served.portal.baseUrl);
    await other.signIn("agent-243500139@example.org");
    const forbidden = await other.get(`${declarationPath}/accuse-reception/1`);
    expect(forbidden.status).toBe(403);

    // The DAECT opening it sees its review, without the agent's editing and sending forms.
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const reviewed = await daect.get(declarationPath);
    expect(reviewed.html).toContain("Examen par la DAECT");
    expect(reviewed.html).toContain("Lignes transmises");
    expect(reviewed.html).not.toContain('name="intent" value="submit"');
    expect(reviewed.html).not.toContain("Transmettre la déclaration");
  });
});
