import { type SQL, sql } from "drizzle-orm";
import { type Actor, type Membership, type Role, roleOfOrganisationKind } from "./auth/actor";
import { Forbidden, Unauthenticated } from "./errors";

/**
 * The one place that decides permissions. A permission is a verb; each verb lists the
 * roles that hold it and the scope in which they hold it. Scopes compare the actor's
 * organisation with the resource (its own organisation, as administrator or member) or
 * grant everything (national roles), or compare its territory with the resource's: an
 * embassy acts on its country, a prefecture or a regional network on its région (an
 * operator without a région is national).
 */
export type Action =
  | "account:read"
  | "admin:access"
  | "audit:read"
  | "organisation:read-members"
  | "organisation:manage-members"
  | "accounts:access:approve"
  | "atlas:collectivite:edit"
  | "atlas:project:create"
  | "atlas:partnership:create"
  | "atlas:partnership:edit"
  | "atlas:authority:edit"
  | "atlas:project:edit"
  | "atlas:project:remark"
  | "atlas:project:history"
  | "atlas:import"
  | "atlas:campaign:manage"
  | "apd:declare"
  | "apd:read"
  | "apd:review"
  | "apd:campaign:manage"
  | "apd:export:lines"
  | "bourse:request:write"
  | "bourse:request:author"
  | "bourse:request:triage"
  | "bourse:request:contact"
  | "bourse:request:match"
  | "bourse:interest:express"
  | "bourse:offer:write"
  | "bourse:offer:create"
  | "bourse:offer:read"
  | "bourse:offer:manage"
  | "bourse:opinion:give"
  | "workspace:use";

/** What a permission is checked against; fields are present when the resource has them. */
export interface Resource {
  organisationId?: number;
  /**
   * Other organisations a resource belongs to: a project's partner collectivités, the
   * collectivités that answered a Bourse request, the organisations asked for an opinion.
   */
  organisationIds?: readonly number[];
  /** Countries a resource concerns (a project's countries). */
  countryCodes?: readonly string[];
  /** French régions a resource concerns (those of its collectivités). */
  regionCodes?: readonly string[];
  /** The person a personal resource belongs to (a saved search, an extraction). */
  userId?: number;
}

type Scope =
  | "any"
  | "own-organisation"
  | "own-organisation-admin"
  /** The actor's organisation is one of those the resource lists (`organisationIds`). */
  | "listed"
  | "own-country"
  | "own-region"
  | "own-account";

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
  "organisation:manage-members": {
    agent: "own-organisation-admin",
    autorite: "own-organisation-admin",
    ambassade: "own-organisation-admin",
    prefecture: "own-organisation-admin",
    operateur: "own-organisation-admin",
    reseau: "own-organisation-admin",
    daect: "any",
  },
  // An access request is approved by an administrator of the organisation asked; when it
  // has none, by the DAECT or, for a collectivité, the prefecture of its région (the
  // request's resource then lists that région instead of the organisation).
  "accounts:access:approve": {
    agent: "own-organisation-admin",
    autorite: "own-organisation-admin",
    ambassade: "own-organisation-admin",
    prefecture: "own-region",
    operateur: "own-organisation-admin",
    reseau: "own-organisation-admin",
    daect: "any",
  },
  "atlas:collectivite:edit": { agent: "own-organisation", daect: "any" },
  "atlas:project:create": { agent: "own-organisation", daect: "any" },
  "atlas:partnership:create": { agent: "own-organisation", daect: "any" },
  "atlas:partnership:edit": { agent: "listed", daect: "any" },
  "atlas:authority:edit": { autorite: "own-organisation", daect: "any" },
  "atlas:project:edit": { agent: "listed", daect: "any" },
  "atlas:project:remark": {
    ambassade: "own-country",
    operateur: "own-region",
    reseau: "own-region",
    daect: "any",
  },
  "atlas:project:history": {
    agent: "listed",
    ambassade: "own-country",
    prefecture: "own-region",
    operateur: "own-region",
    reseau: "own-region",
    daect: "any",
  },
  "atlas:import": { daect: "any" },
  "atlas:campaign:manage": { daect: "any" },
  "apd:declare": { agent: "own-organisation", daect: "any" },
  "apd:read": { agent: "own-organisation", daect: "any" },
  "apd:review": { daect: "any" },
  "apd:campaign:manage": { daect: "any" },
  "apd:export:lines": { daect: "any" },
  // A request: its author organisation writes it; the embassy of its country and the DAECT
  // triage it; its contact details are shared with the collectivités that answered it.
  "bourse:request:write": { autorite: "own-organisation", daect: "any" },
  // The authority that wrote the request: files it in its own name and follows it up.
  "bourse:request:author": { autorite: "own-organisation" },
  "bourse:request:triage": { ambassade: "own-country", daect: "any" },
  "bourse:request:contact": {
    autorite: "own-organisation",
    agent: "listed",
    ambassade: "own-country",
    daect: "any",
  },
  "bourse:request:match": { agent: "listed", daect: "any" },
  "bourse:interest:express": { agent: "own-organisation" },
  // An offer: its collectivité writes it; the prefecture and embassies asked for an
  // opinion read it (their organisations are the offer's `organisationIds`).
  "bourse:offer:write": { agent: "own-organisation", daect: "any" },
  // Only a collectivité's agents start an offer, for their own collectivité.
  "bourse:offer:create": { agent: "own-organisation" },
  "bourse:offer:read": {
    agent: "own-organisation",
    prefecture: "listed",
    ambassade: "listed",
    daect: "any",
  },
  "bourse:offer:manage": { daect: "any" },
  // An opinion is given by the organisations asked for it (the resource lists them).
  "bourse:opinion:give": { prefecture: "listed", ambassade: "listed" },
  "workspace:use": {
    agent: "own-account",
    autorite: "own-account",
    ambassade: "own-account",
    prefecture: "own-account",
    daect: "own-account",
    operateur: "own-account",
    reseau: "own-account",
  },
};

/** Every action the policy knows (the policy test checks each one). */
export const allActions = Object.keys(grants) as Action[];

/** Actions open to visitors (nobody signed in). None yet: public pages need no permission. */
const visitorActions = new Set<Action>();

function inScope(
  scope: Scope,
  membership: Membership,
  resource: Resource,
  userId: number,
): boolean {
  switch (scope) {
    case "own-account":
      // Without a resource: the person's own space as a whole.
      return resource.userId === undefined || resource.userId === userId;
    case "any":
      return true;
    case "own-organisation":
      return resource.organisationId === membership.organisationId;
    case "own-organisation-admin":
      return resource.organisationId === membership.organisationId && membership.isAdmin;
    case "listed":
      return resource.organisationIds?.includes(membership.organisationId) ?? false;
    case "own-country":
      return (
        membership.countryCode !== null &&
        (resource.countryCodes?.includes(membership.countryCode) ?? false)
      );
    case "own-region":
      // An organisation without a région (a national operator) covers the whole country.
      return (
        membership.regionCode === null ||
        (resource.regionCodes?.includes(membership.regionCode) ?? false)
      );
  }
}

/**
 * Actions on the person's own account: held by anyone signed in, even someone no longer a
 * member of any organisation (who must still be able to read, download or close it).
 */
const personalActions = new Set<Action>(["account:read"]);

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (actor.kind === "visitor") return visitorActions.has(action);
  if (personalActions.has(action))
    return resource.userId === undefined || resource.userId === actor.userId;
  return actingMembership(actor, action, resource) !== undefined;
}

/** The membership through which the actor may act (whose name signs a remark, say). */
export function actingMembership(
  actor: Actor,
  action: Action,
  resource: Resource = {},
): Membership | undefined {
  if (actor.kind === "visitor") return undefined;
  const grant = grants[action];
  return actor.memberships.find((membership) => {
    const scope = grant[membership.role];
    return scope !== undefined && inScope(scope, membership, resource, actor.userId);
  });
}

/** Throws the right error when the actor may not act: 401 for a visitor, 403 otherwise. */
export function authorize(actor: Actor, action: Action, resource: Resource = {}): void {
  if (can(actor, action, resource)) return;
  if (actor.kind === "visitor") throw new Unauthenticated();
  throw new Forbidden();
}

/**
 * Whether the actor may do `action` for one of its own organisations: what pages use to
 * show a link that starts something (a visitor is shown it, and asked to sign in).
 */
export function offeredTo(actor: Actor, action: Action): boolean {
  if (actor.kind === "visitor") return true;
  return actor.memberships.some((membership) =>
    can(actor, action, { organisationId: membership.organisationId }),
  );
}

/** The organisation kind whose members hold each role. */
const kindOfRole = Object.fromEntries(
  Object.entries(roleOfOrganisationKind).map(([kind, role]) => [role, kind]),
) as Record<Exclude<Role, "visitor">, string>;

const list = (values: readonly (string | number)[]) =>
  values.length === 0
    ? sql`NULL`
    : sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      );

function holderPart(role: Exclude<Role, "visitor">, scope: Scope, resource: Resource): SQL {
  const kind = sql`o.kind = ${kindOfRole[role]}`;
  switch (scope) {
    case "any":
      return kind;
    case "own-organisation":
      return sql`(${kind} AND o.id = ${resource.organisationId ?? -1})`;
    case "own-organisation-admin":
      return sql`(${kind} AND o.id = ${resource.organisationId ?? -1} AND m.is_admin)`;
    case "listed":
      return sql`(${kind} AND o.id IN (${list(resource.organisationIds ?? [])}))`;
    case "own-country":
      return sql`(${kind} AND o.country_code IN (${list(resource.countryCodes ?? [])}))`;
    case "own-region":
      return sql`(${kind} AND (o.region_code IS NULL OR o.region_code IN (${list(resource.regionCodes ?? [])})))`;
    case "own-account":
      // A personal resource is nobody else's to be written to.
      return sql`false`;
  }
}

/**
 * "Who is written to": a condition on the organisations (`o`) and memberships (`m`) whose
 * members hold `action` on the resource, read from the same grants as `can`. Mails to "the
 * embassy of the country and the DAECT" are the holders of the triage of that request.
 */
export function holdersOf(action: Action, resource: Resource = {}): SQL {
  const parts = Object.entries(grants[action]).map(([role, scope]) =>
    holderPart(role as Exclude<Role, "visitor">, scope, resource),
  );
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` OR `)})`;
}

export interface ScopeOptions {
  /**
   * Only what the actor holds as its own (its organisation, its country, its région, the
   * records that list it), not what a national role may do everywhere: whose task it is.
   */
  ownOnly?: boolean;
}

/** Where a list finds, in its own columns, what the policy compares (SQL expressions). */
export interface ResourceColumns {
  organisationId?: SQL;
  /** An int[] expression: the organisations the record lists. */
  organisationIds?: SQL;
  countryCode?: SQL;
  regionCode?: SQL;
  userId?: SQL;
}

function scopePart(
  scope: Scope,
  membership: Membership,
  columns: ResourceColumns,
  userId: number,
): SQL | null {
  const none = sql`false`;
  switch (scope) {
    case "any":
      return sql`true`;
    case "own-organisation":
      return columns.organisationId
        ? sql`${columns.organisationId} = ${membership.organisationId}`
        : none;
    case "own-organisation-admin":
      return membership.isAdmin && columns.organisationId
        ? sql`${columns.organisationId} = ${membership.organisationId}`
        : null;
    case "listed":
      return columns.organisationIds
        ? sql`${membership.organisationId} = ANY(${columns.organisationIds})`
        : none;
    case "own-country":
      return membership.countryCode !== null && columns.countryCode
        ? sql`${columns.countryCode} = ${membership.countryCode}`
        : null;
    case "own-region":
      if (membership.regionCode === null) return sql`true`;
      return columns.regionCode ? sql`${columns.regionCode} = ${membership.regionCode}` : null;
    case "own-account":
      return columns.userId ? sql`${columns.userId} = ${userId}` : sql`true`;
  }
}

/**
 * "Which records": a condition true for the rows the actor may `action` on, from the same
 * grants as `can`. Task queues, lists and admin lists filter with it.
 */
export function scopeCondition(
  actor: Actor,
  action: Action,
  columns: ResourceColumns,
  options: ScopeOptions = {},
): SQL {
  if (actor.kind === "visitor") return visitorActions.has(action) ? sql`true` : sql`false`;
  const grant = grants[action];
  const parts: SQL[] = [];
  for (const membership of actor.memberships) {
    const scope = grant[membership.role];
    if (options.ownOnly && scope === "any") continue;
    const part = scope === undefined ? null : scopePart(scope, membership, columns, actor.userId);
    if (part) parts.push(part);
  }
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` OR `)})`;
}

/** The memberships through which the actor holds `action` somewhere (the inbox's "for whom"). */
export function membershipsHolding(
  actor: Actor,
  action: Action,
  options: ScopeOptions = {},
): Membership[] {
  if (actor.kind === "visitor") return [];
  return actor.memberships.filter((membership) => {
    const scope = grants[action][membership.role];
    return scope !== undefined && !(options.ownOnly && scope === "any");
  });
}
