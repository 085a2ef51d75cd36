import type { Actor, Membership, Role } from "./auth/actor";
import { Forbidden, Unauthenticated } from "./errors";

/**
 * The one place that decides permissions. A permission is a verb; each verb lists the
 * roles that hold it and the scope in which they hold it. Scopes compare the actor's
 * organisation with the resource (its own organisation, as administrator or member) or
 * grant everything (national roles). Territorial scopes (an embassy's country, a
 * prefecture's région) join here with the first module that needs them.
 */
export type Action =
  | "account:read"
  | "admin:access"
  | "audit:read"
  | "organisation:read-members"
  | "organisation:invite";

/** What a permission is checked against; fields are present when the resource has them. */
export interface Resource {
  organisationId?: number;
}

type Scope = "any" | "own-organisation" | "own-organisation-admin";

type Grant = Partial<Record<Exclude<Role, "visitor">, Scope>>;

const EVERY_MEMBER: Grant = {
  agent: "any",
  autorite: "any",
  ambassade: "any",
  prefecture: "any",
  daect: "any",
  operateur: "any",
  reseau: "any",
};

const grants: Record<Action, Grant> = {
  "account:read": EVERY_MEMBER,
  "admin:access": { daect: "any" },
  "audit:read": { daect: "any" },
  "organisation:read-members": {
    agent: "own-organisation",
    autorite: "own-organisation",
    ambassade: "own-organisation",
    prefecture: "own-organisation",
    operateur: "own-organisation",
    reseau: "own-organisation",
    daect: "any",
  },
  "organisation:invite": {
    agent: "own-organisation-admin",
    autorite: "own-organisation-admin",
    ambassade: "own-organisation-admin",
    prefecture: "own-organisation-admin",
    operateur: "own-organisation-admin",
    reseau: "own-organisation-admin",
    daect: "any",
  },
};

/** Actions open to visitors (nobody signed in). None yet: public pages need no permission. */
const visitorActions = new Set<Action>();

function inScope(scope: Scope, membership: Membership, resource: Resource): boolean {
  switch (scope) {
    case "any":
      return true;
    case "own-organisation":
      return resource.organisationId === membership.organisationId;
    case "own-organisation-admin":
      return resource.organisationId === membership.organisationId && membership.isAdmin;
  }
}

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (actor.kind === "visitor") return visitorActions.has(action);
  const grant = grants[action];
  return actor.memberships.some((membership) => {
    const scope = grant[membership.role];
    return scope !== undefined && inScope(scope, membership, resource);
  });
}

/** Throws the right error when the actor may not act: 401 for a visitor, 403 otherwise. */
export function authorize(actor: Actor, action: Action, resource: Resource = {}): void {
  if (can(actor, action, resource)) return;
  if (actor.kind === "visitor") throw new Unauthenticated();
  throw new Forbidden();
}
