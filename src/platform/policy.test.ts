import { describe, expect, it } from "vitest";
import type { Actor, Membership } from "./auth/actor";
import { roleOfOrganisationKind } from "./auth/actor";
import type { OrganisationKind } from "./auth/organisation-kinds";
import { Forbidden, Unauthenticated } from "./errors";
import { authorize, can } from "./policy";

function actorOf(kind: OrganisationKind, isAdmin = false, organisationId = 1): Actor {
  const membership: Membership = {
    organisationId,
    organisationName: "Organisation",
    organisationKind: kind,
    role: roleOfOrganisationKind[kind],
    isAdmin,
    unitId: null,
    countryCode: kind === "embassy" ? "SN" : null,
    regionCode: kind === "prefecture" ? "53" : null,
  };
  return {
    kind: "user",
    userId: 1,
    email: "x@example.org",
    displayName: "X",
    memberships: [membership],
  };
}

describe("policy", () => {
  it("lets only the DAECT administer the portal", () => {
    expect(can(actorOf("daect"), "admin:access")).toBe(true);
    for (const kind of [
      "collectivite",
      "foreign_authority",
      "embassy",
      "prefecture",
      "operator",
      "network",
    ] as const) {
      expect(can(actorOf(kind, true), "admin:access"), kind).toBe(false);
    }
    expect(can({ kind: "visitor" }, "admin:access")).toBe(false);
  });

  it("lets an organisation administrator invite into their own organisation only", () => {
    expect(
      can(actorOf("collectivite", true, 7), "organisation:invite", { organisationId: 7 }),
    ).toBe(true);
    expect(
      can(actorOf("collectivite", true, 7), "organisation:invite", { organisationId: 8 }),
    ).toBe(false);
    expect(
      can(actorOf("collectivite", false, 7), "organisation:invite", { organisationId: 7 }),
    ).toBe(false);
    expect(can(actorOf("daect", false, 1), "organisation:invite", { organisationId: 8 })).toBe(
      true,
    );
  });

  it("throws 401 for visitors and 403 for signed-in users without the right", () => {
    expect(() => authorize({ kind: "visitor" }, "account:read")).toThrow(Unauthenticated);
    expect(() => authorize(actorOf("collectivite"), "audit:read")).toThrow(Forbidden);
    expect(() => authorize(actorOf("daect"), "audit:read")).not.toThrow();
  });
});
