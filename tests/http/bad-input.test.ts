import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();

/** Any text a person (or a robot) may type: a 4xx with a French message, never a 500. */
describe("arbitrary input to the public forms", () => {
  const forms = [
    { path: "/connexion", fields: ["email", "password", "retour"] },
    { path: "/mot-de-passe/oubli", fields: ["email"] },
    { path: "/mot-de-passe/nouveau/lien-quelconque", fields: ["password", "confirmation"] },
    { path: "/invitation/lien-quelconque", fields: ["displayName", "password", "confirmation"] },
  ];
  for (const form of forms) {
    it(`never fails on ${form.path}`, async () => {
      const client = new FormClient(served.portal.baseUrl);
      // Any page with a form gives the CSRF token; the invalid-link pages show none.
      await client.get("/connexion");
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            Object.fromEntries(form.fields.map((field) => [field, fc.string({ maxLength: 300 })])),
          ),
          async (values) => {
            const response = await client.post(form.path, values as Record<string, string>);
            // 200: the forgotten-password form answers the same for any well-formed address.
            expect([200, 302, 400, 410, 429]).toContain(response.status);
            expect(response.html).not.toMatch(/at .+\.(js|ts):\d+/);
            if (response.status === 400) expect(response.html).toContain("fr-alert--error");
          },
        ),
        { numRuns: 25, seed: 2026 },
      );
    });
  }
});
