import { describe, expect, it } from "vitest";
import type { Actor, Membership } from "./auth/actor";
import { roleOfOrganisationKind } from "./auth/actor";
import { type OrganisationKind, organisationKinds } from "./auth/organisation-kinds";
import { Forbidden, Unauthenticated } from "./errors";
import { type Action, allActions, authorize, can } from "./policy";

const EVERY_KIND: OrganisationKind[] = [...organisationKinds];

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
      can(actorOf("collectivite", true, 7), "organisation:manage-members", { organisationId: 7 }),
    ).toBe(true);
    expect(
      can(actorOf("collectivite", true, 7), "organisation:manage-members", { organisationId: 8 }),
    ).toBe(false);
    expect(
      can(actorOf("collectivite", false, 7), "organisation:manage-members", { organisationId: 7 }),
    ).toBe(false);
    expect(
      can(actorOf("daect", false, 1), "organisation:manage-members", { organisationId: 8 }),
    ).toBe(true);
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

/** Every action: the organisation kinds allowed on their own resource, and on another's. */
const expected: Record<Action, { own: OrganisationKind[]; other: OrganisationKind[] }> = {
  // One's own account only; another person's is nobody's to read.
  "account:read": { own: EVERY_KIND, other: [] },
  "admin:access": { own: ["daect"], other: ["daect"] },
  "audit:read": { own: ["daect"], other: ["daect"] },
  "organisation:read-members": { own: EVERY_KIND, other: ["daect"] },
  "organisation:manage-members": { own: EVERY_KIND, other: ["daect"] },
  "accounts:access:approve": { own: EVERY_KIND, other: ["daect"] },
  "atlas:collectivite:edit": { own: ["collectivite", "daect"], other: ["daect"] },
  "atlas:project:create": { own: ["collectivite", "daect"], other: ["daect"] },
  "atlas:partnership:create": { own: ["collectivite", "daect"], other: ["daect"] },
  "atlas:partnership:edit": { own: ["collectivite", "daect"], other: ["daect"] },
  "atlas:authority:edit": { own: ["foreign_authority", "daect"], other: ["daect"] },
  "atlas:project:edit": { own: ["collectivite", "daect"], other: ["daect"] },
  // A national operator (no région) remarks on every project.
  "atlas:project:remark": {
    own: ["embassy", "daect", "operator", "network"],
    other: ["daect", "operator"],
  },
  "atlas:project:history": {
    own: ["collectivite", "embassy", "prefecture", "daect", "operator", "network"],
    other: ["daect", "operator"],
  },
  "atlas:import": { own: ["daect"], other: ["daect"] },
  "atlas:campaign:manage": { own: ["daect"], other: ["daect"] },
  "apd:declare": { own: ["collectivite", "daect"], other: ["daect"] },
  "apd:read": { own: ["collectivite", "daect"], other: ["daect"] },
  "apd:review": { own: ["daect"], other: ["daect"] },
  "apd:campaign:manage": { own: ["daect"], other: ["daect"] },
  "apd:export:lines": { own: ["daect"], other: ["daect"] },
  "bourse:request:write": { own: ["foreign_authority", "daect"], other: ["daect"] },
  "bourse:request:author": { own: ["foreign_authority"], other: [] },
  "bourse:request:triage": { own: ["embassy", "daect"], other: ["daect"] },
  "bourse:request:contact": {
    own: ["collectivite", "foreign_authority", "embassy", "daect"],
    other: ["daect"],
  },
  "bourse:request:match": { own: ["collectivite", "daect"], other: ["daect"] },
  "bourse:interest:express": { own: ["collectivite"], other: [] },
  "bourse:offer:write": { own: ["collectivite", "daect"], other: ["daect"] },
  "bourse:offer:create": { own: ["collectivite"], other: [] },
  "bourse:offer:read": {
    own: ["collectivite", "embassy", "prefecture", "daect"],
    other: ["daect"],
  },
  "bourse:offer:manage": { own: ["daect"], other: ["daect"] },
  "bourse:opinion:give": { own: ["embassy", "prefecture"], other: [] },
  "workspace:use": { own: EVERY_KIND, other: [] },
};

/** A resource of the actor of `actorOf(kind, true, 1)`, by every field the policy reads. */
const ownResource = {
  organisationId: 1,
  organisationIds: [1],
  countryCodes: ["SN"],
  regionCodes: ["53"],
  userId: 1,
};
const otherResource = {
  organisationId: 99,
  organisationIds: [99],
  countryCodes: ["MA"],
  regionCodes: ["84"],
  userId: 2,
};

describe("one's own account", () => {
  it("is open to a signed-in person who no longer belongs to any organisation", () => {
    const alone: Actor = {
      kind: "user",
      userId: 7,
      email: "x@example.org",
      displayName: "X",
      memberships: [],
    };
    expect(can(alone, "account:read")).toBe(true);
    expect(can(alone, "account:read", { userId: 7 })).toBe(true);
    expect(can(alone, "account:read", { userId: 8 })).toBe(false);
    expect(can(alone, "workspace:use")).toBe(false);
  });
});

describe("the policy, action by action", () => {
  it("has an expectation for every action it knows", () => {
    expect(Object.keys(expected).sort()).toEqual([...allActions].sort());
  });

  it.each(allActions)("%s: each kind on its own resource and on another's", (action) => {
    for (const kind of EVERY_KIND) {
      const actor = actorOf(kind, true, 1);
      expect(can(actor, action, ownResource), `${kind} own`).toBe(
        expected[action].own.includes(kind),
      );
      expect(can(actor, action, otherResource), `${kind} other`).toBe(
        expected[action].other.includes(kind),
      );
    }
    expect(can({ kind: "visitor" }, action, ownResource)).toBe(false);
  });
});
