import { withSecretsHidden } from "../../platform/mail/sealed-secrets";
import { asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { memberships, organisations, users } from "../../platform/auth/schema";
import type { Db } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import { mailOutbox } from "../../platform/mail/schema";
import { pageOf, pageWindow } from "../../platform/pagination";
import { authorize } from "../../platform/policy";
import { invitations } from "./schema";
import { frenchOrder } from "../../platform/db/french-order";

export async function organisationWithMembers(db: Db, actor: Actor, organisationId: number) {
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw new NotFound("Cette organisation n'existe pas.");
  authorize(actor, "organisation:read-members", { organisationId });
  const members = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      jobTitle: users.jobTitle,
      isActive: users.isActive,
      isAdmin: memberships.isAdmin,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(frenchOrder(users.displayName));
  const pending = await db
    .select({
      email: invitations.email,
      expiresAt: invitations.expiresAt,
      asAdmin: invitations.asAdmin,
    })
    .from(invitations)
    .where(
      sql`${invitations.organisationId} = ${organisationId} AND ${invitations.acceptedAt} IS NULL AND ${invitations.expiresAt} > now()`,
    )
    .orderBy(desc(invitations.createdAt));
  return { organisation, members, pending };
}

export async function listUsers(db: Db, actor: Actor, filter: { q?: string; page?: number }) {
  authorize(actor, "admin:access");
  const { page, limit, offset } = pageWindow(filter.page);
  const where = filter.q
    ? or(ilike(users.email, `%${filter.q}%`), ilike(users.displayName, `%${filter.q}%`))
    : undefined;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      lastSignInAt: users.lastSignInAt,
      organisations: sql<string>`coalesce(string_agg(${organisations.name}, ', ' ORDER BY ${frenchOrder(organisations.name)}), '')`,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(where)
    .groupBy(users.id)
    .orderBy(asc(users.email))
    .limit(limit)
    .offset(offset);
  const [{ total }] = await db.select({ total: count() }).from(users).where(where);
  return pageOf(rows, total, page);
}

export async function listOrganisations(
  db: Db,
  actor: Actor,
  filter: { q?: string; kind?: string; page?: number },
) {
  authorize(actor, "admin:access");
  const { page, limit, offset } = pageWindow(filter.page);
  const conditions = [];
  if (filter.q)
    conditions.push(
      sql`immutable_unaccent(${organisations.name}) ILIKE immutable_unaccent(${`%${filter.q}%`})`,
    );
  if (filter.kind) conditions.push(sql`${organisations.kind} = ${filter.kind}`);
  const where = conditions.length ? sql.join(conditions, sql` AND `) : undefined;
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      countryCode: organisations.countryCode,
      regionCode: organisations.regionCode,
      memberCount: sql<number>`(SELECT count(*)::int FROM memberships m WHERE m.organisation_id = ${organisations.id})`,
    })
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.kind), frenchOrder(organisations.name))
    .limit(limit)
    .offset(offset);
  const [{ total }] = await db.select({ total: count() }).from(organisations).where(where);
  return pageOf(rows, total, page);
}

export async function listOutbox(db: Db, actor: Actor, filter: { page?: number }) {
  authorize(actor, "admin:access");
  const { page, limit, offset } = pageWindow(filter.page);
  const rows = await db
    .select({
      id: mailOutbox.id,
      createdAt: mailOutbox.createdAt,
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.id))
    .limit(limit)
    .offset(offset);
  const [{ total }] = await db.select({ total: count() }).from(mailOutbox);
  return pageOf(rows, total, page);
}

export async function outboxMail(db: Db, actor: Actor, id: number) {
  authorize(actor, "admin:access");
  const [row] = await db
    .select({
      subject: mailOutbox.subject,
      recipient: mailOutbox.recipient,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      template: mailOutbox.template,
      bodyText: mailOutbox.bodyText,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id));
  if (!row) throw new NotFound("Ce courriel n'existe pas.");
  // A secret link's token is not in the stored body; its place says so.
  return { ...row, bodyText: withSecretsHidden(row.bodyText) };
}
