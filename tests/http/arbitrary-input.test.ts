import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/platform/db/client";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";
import { routePaths } from "../support/routes";

/**
 * Every route of the portal, as a visitor, an agent and the DAECT, receives arbitrary
 * parameters, query strings, headers and bodies of any content type (with a valid CSRF token,
 * or none): the answer is never a 5xx and never shows a stack trace.
 */
const served = portalForTestFile();
const ROLES = { visitor: null, agent: "agent-35238@example.org", daect: "daect@example.org" };
const clients = new Map<string, FormClient>();
const samples: Record<string, string> = {};

beforeAll(async () => {
  const first = async (table: string) =>
    String(
      rowsOf<{ id: number | null }>(
        await served.database.db.execute(sql.raw(`SELECT min(id) AS id FROM ${table}`)),
      )[0]?.id ?? 1,
    );
  Object.assign(samples, {
    projectId: await first("atlas_projects"),
    collectiviteId: await first("register_collectivites"),
    authorityId: await first("register_foreign_authorities"),
    partnershipId: await first("atlas_partnerships"),
    organisationId: await first("organisations"),
    mailId: await first("mail_outbox"),
    importId: await first("atlas_imports"),
    campaignId: await first("atlas_campaigns"),
    apdCampaignId: await first("apd_campaigns"),
    declarationId: await first("apd_declarations"),
    lineId: await first("apd_lines"),
    requestId: await first("bourse_requests"),
    offerId: await first("bourse_offers"),
    attachmentId: await first("bourse_attachments"),
    extractionId: await first("extractions"),
    countryCode: "SN",
    code: "53",
    number: "1",
    kind: "projects",
    format: "csv",
    token: "jeton-quelconque",
  });
  for (const [role, email] of Object.entries(ROLES)) {
    const client = new FormClient(served.portal.baseUrl);
    if (email) await client.signIn(email);
    else await client.get("/connexion");
    clients.set(role, client);
  }
});

const text = fc.string({ maxLength: 40 });
/** Values that broke or could break a parser: impossible days, huge numbers, traversal… */
const weird = fc.oneof(
  { arbitrary: text, weight: 1 },
  {
    arbitrary: fc.constantFrom(
      "2020-02-31",
      "2026-02-30",
      "9999-12-31",
      "-1",
      "0",
      "1e309",
      "NaN",
      "99999999999",
      "../../etc",
      "%00",
      "\u0000",
      "a\u0001b",
      "\n",
      "<script>",
      "SN",
      "",
    ),
    weight: 3,
  },
);
const param = (name: string) =>
  fc.oneof(
    fc.constant(samples[name] ?? "1"),
    fc.integer({ min: -5, max: 2 ** 31 }).map(String),
    weird,
  );
/** Parameter names the pages and the API read, and some they do not. */
const KNOWN_PARAMS = [
  "page",
  "year",
  "from",
  "to",
  "format",
  "q",
  "country",
  "continent",
  "theme",
  "status",
  "sort",
  "cursor",
  "limit",
  "groupBy",
  "state",
  "kind",
  "region",
  "departement",
  "collectivite",
  "yearFrom",
  "yearTo",
  "retour",
];
const query = fc.array(
  fc.tuple(
    fc.oneof(
      { arbitrary: text, weight: 1 },
      { arbitrary: fc.constantFrom(...KNOWN_PARAMS), weight: 4 },
    ),
    weird,
  ),
  { maxLength: 4 },
);
const contentType = fc.constantFrom(
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----fc",
  "application/json",
  "text/plain",
  "",
);
const headers = fc.record({
  accept: fc.constantFrom("*/*", "text/html", "application/json", "x/y;;"),
  "accept-language": fc.constantFrom("fr", "en", "zz-ZZ", ""),
  "if-none-match": fc.constantFrom("", 'W/"x"', "*"),
  range: fc.constantFrom("", "bytes=0-10", "bytes=junk"),
});
const fields = fc.dictionary(
  fc.oneof(
    text,
    fc.constantFrom("intent", "version", "email", "title", "decision", "format", "year", "id"),
  ),
  weird,
  { maxKeys: 6 },
);

function bodyFor(type: string, values: Record<string, string>, csrf: string | null) {
  const all = csrf === null ? values : { ...values, _csrf: csrf };
  if (type.startsWith("multipart"))
    return Object.entries(all)
      .map(
        ([name, value]) =>
          `------fc\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "")}"\r\n\r\n${value}\r\n`,
      )
      .join("")
      .concat("------fc--\r\n");
  if (type === "application/json") return JSON.stringify(all);
  return new URLSearchParams(all).toString();
}

// Heavy files (whole-Atlas exports, PDFs) get fewer runs: they are checked, not benchmarked.
const HEAVY = /export|pdf|modele|statistiques\.csv|accuse-reception/;
// Signing out would turn the signed-in roles into visitors for the routes that follow.
const SKIPPED = new Set(["/deconnexion", "*"]);

describe("arbitrary input to every route", () => {
  for (const pattern of routePaths().filter((path) => !SKIPPED.has(path))) {
    it(`never answers 5xx on ${pattern}`, async () => {
      const names = [...pattern.matchAll(/:(\w+)/g)].map((match) => match[1]);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...Object.keys(ROLES)),
          fc.tuple(...(names.length > 0 ? names.map(param) : [fc.constant("")])),
          fc.constantFrom("GET", "POST"),
          query,
          headers,
          contentType,
          fields,
          fc.boolean(),
          async (role, values, method, search, extra, type, form, withCsrf) => {
            const client = clients.get(role)!;
            let path = pattern;
            names.forEach((name, i) => {
              path = path.replace(`:${name}`, encodeURIComponent(values[i]));
            });
            const qs = new URLSearchParams(search).toString();
            const target = `${served.portal.baseUrl}${path}${qs ? `?${qs}` : ""}`;
            const init: RequestInit = {
              method,
              redirect: "manual",
              headers: {
                ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== "")),
                cookie: client.cookieHeaderForTests(),
                ...(method === "POST" && type ? { "content-type": type } : {}),
              },
              ...(method === "POST"
                ? { body: bodyFor(type, form, withCsrf ? client.csrfToken : null) }
                : {}),
            };
            const response = await fetch(target, init);
            const body = await response.text();
            expect(response.status, `${method} ${path}?${qs} (${role}, ${type})`).toBeLessThan(500);
            expect(body).not.toMatch(/at .+\.(js|ts):\d+:\d+/);
          },
        ),
        { numRuns: HEAVY.test(pattern) ? 3 : 40, seed: 2026 },
      );
    });
  }
});

/** The values of `weird` that are not random text: each is tried on each known parameter. */
const EDGE_VALUES = ["2020-02-31", "9999-12-31", "-1", "1e309", "NaN", "99999999999", "\u0000", ""];

describe("every known parameter with each edge value, on every page", () => {
  for (const pattern of routePaths().filter((path) => !SKIPPED.has(path) && !HEAVY.test(path))) {
    it(`never answers 5xx on ${pattern}`, async () => {
      // The DAECT reaches every page, administration included, so its filters are read.
      const client = clients.get("daect")!;
      const path = pattern.replace(/:(\w+)/g, (_match, name: string) => samples[name] ?? "1");
      const targets = KNOWN_PARAMS.flatMap((name) =>
        EDGE_VALUES.map((value) => `${path}?${new URLSearchParams({ [name]: value })}`),
      );
      const failures: string[] = [];
      for (let start = 0; start < targets.length; start += 6)
        await Promise.all(
          targets.slice(start, start + 6).map(async (target) => {
            const response = await fetch(`${served.portal.baseUrl}${target}`, {
              redirect: "manual",
              headers: { cookie: client.cookieHeaderForTests() },
            });
            await response.arrayBuffer();
            if (response.status >= 500) failures.push(`${response.status} ${target}`);
          }),
        );
      expect(failures).toEqual([]);
    });
  }
});
