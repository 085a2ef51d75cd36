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
    regionCode: kind === "prefecture" || kind === "network" ? "53" : null,
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

  describe("Atlas projects: own collectivité, embassy country, région", () => {
    const rennesProjectInSenegal = {
      organisationIds: [7],
      countryCodes: ["SN"],
      regionCodes: ["53"],
    };
    const lyonProjectInMorocco = {
      organisationIds: [9],
      countryCodes: ["MA"],
      regionCodes: ["84"],
    };

    it("lets agents edit the projects of their own collectivité only", () => {
      const agent = actorOf("collectivite", false, 7);
      expect(can(agent, "atlas:project:edit", rennesProjectInSenegal)).toBe(true);
      expect(can(agent, "atlas:project:edit", lyonProjectInMorocco)).toBe(false);
      expect(can(actorOf("daect"), "atlas:project:edit", lyonProjectInMorocco)).toBe(true);
      for (const kind of [
        "embassy",
        "prefecture",
        "operator",
        "network",
        "foreign_authority",
      ] as const)
        expect(can(actorOf(kind), "atlas:project:edit", rennesProjectInSenegal), kind).toBe(false);
    });

    it("lets embassies, operators and networks remark on projects of their territory", () => {
      const embassy = actorOf("embassy");
      expect(can(embassy, "atlas:project:remark", rennesProjectInSenegal)).toBe(true);
      expect(can(embassy, "atlas:project:remark", lyonProjectInMorocco)).toBe(false);
      const network = actorOf("network");
      expect(can(network, "atlas:project:remark", rennesProjectInSenegal)).toBe(true);
      expect(can(network, "atlas:project:remark", lyonProjectInMorocco)).toBe(false);
      // A national operator (no région) covers every project.
      expect(can(actorOf("operator"), "atlas:project:remark", lyonProjectInMorocco)).toBe(true);
      expect(
        can(actorOf("collectivite", false, 7), "atlas:project:remark", rennesProjectInSenegal),
      ).toBe(false);
      expect(can(actorOf("prefecture"), "atlas:project:remark", rennesProjectInSenegal)).toBe(
        false,
      );
    });

    it("shows a project's history to whoever may edit it or covers its territory", () => {
      expect(can(actorOf("prefecture"), "atlas:project:history", rennesProjectInSenegal)).toBe(
        true,
      );
      expect(can(actorOf("prefecture"), "atlas:project:history", lyonProjectInMorocco)).toBe(false);
      expect(
        can(actorOf("foreign_authority"), "atlas:project:history", rennesProjectInSenegal),
      ).toBe(false);
      expect(can({ kind: "visitor" }, "atlas:project:history", rennesProjectInSenegal)).toBe(false);
    });

    it("keeps bulk import to the DAECT", () => {
      expect(can(actorOf("daect"), "atlas:import")).toBe(true);
      expect(can(actorOf("collectivite", true), "atlas:import")).toBe(false);
    });
  });
});
