import { withSecretsHidden } from "../../platform/mail/sealed-secrets";
import { and, asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../platform/auth/actor";
import { memberships, organisations, users } from "../../platform/auth/schema";
import type { Db } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import { mailOutbox, outboxStatuses } from "../../platform/mail/schema";
import { isoDateField, pageNumberField, parseInput } from "../../platform/validation";
import { pageOf, pageWindow } from "../../platform/pagination";
import { authorize } from "../../platform/policy";
import { invitations } from "./schema";
import { frenchOrder, likeLiteral } from "../../platform/db/french-order";

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
  // What was typed is matched as text: a "_" or "%" in it is no wildcard.
  const typed = filter.q ? `%${likeLiteral(filter.q)}%` : null;
  const where = typed ? or(ilike(users.email, typed), ilike(users.displayName, typed)) : undefined;
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
      sql`immutable_unaccent(${organisations.name}) ILIKE immutable_unaccent(${`%${likeLiteral(filter.q)}%`})`,
    );
  if (filter.kind) conditions.push(sql`${organisations.kind} = ${filter.kind}`);
  const where = conditions.length ? sql.join(conditions, sql` AND `) : undefined;
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      /** The country of an embassy or authority, the région of a prefecture: by name. */
      // Columns named with their table: drizzle writes them bare, which inside these
      // subqueries would name the reference table's own region_code.
      place: sql<string | null>`coalesce(
        (SELECT k.name_fr FROM ref_countries k WHERE k.code = organisations.country_code),
        (SELECT u.name FROM ref_territorial_units u
          WHERE u.kind = 'region' AND u.code = organisations.region_code))`,
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

const outboxFilterSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200, "La recherche est trop longue (200 caractères au plus).")
    .optional(),
  status: z.enum(outboxStatuses, { message: "Choisissez un état de la liste." }).optional(),
  template: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, "Choisissez un modèle de la liste.")
    .optional(),
  from: isoDateField("La date de début").optional(),
  to: isoDateField("La date de fin").optional(),
  page: pageNumberField().optional(),
});

export type OutboxFilters = z.output<typeof outboxFilterSchema>;
export const outboxFilterNames = ["q", "status", "template", "from", "to", "page"] as const;

/** The outbox's filters from a query string; empty parameters are no filter. */
export function parseOutboxFilters(params: URLSearchParams): OutboxFilters {
  return parseInput(
    outboxFilterSchema,
    Object.fromEntries(
      outboxFilterNames.flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : [])),
    ),
  );
}

/**
 * The mails of the outbox, most recent first: searched by recipient or subject, filtered by
 * state, template and day of writing (Paris days, as the list shows them).
 */
export async function listOutbox(db: Db, actor: Actor, filters: OutboxFilters) {
  authorize(actor, "admin:access");
  const { page, limit, offset } = pageWindow(filters.page);
  const pattern = filters.q ? `%${likeLiteral(filters.q)}%` : null;
  const parisDay = sql`(${mailOutbox.createdAt} AT TIME ZONE 'Europe/Paris')::date`;
  const where = and(
    pattern
      ? or(ilike(mailOutbox.recipient, pattern), ilike(mailOutbox.subject, pattern))
      : undefined,
    filters.status ? eq(mailOutbox.status, filters.status) : undefined,
    filters.template ? eq(mailOutbox.template, filters.template) : undefined,
    filters.from ? sql`${parisDay} >= ${filters.from}::date` : undefined,
    filters.to ? sql`${parisDay} <= ${filters.to}::date` : undefined,
  );
  const [rows, [{ total }], templates] = await Promise.all([
    db
      .select({
        id: mailOutbox.id,
        createdAt: mailOutbox.createdAt,
        recipient: mailOutbox.recipient,
        subject: mailOutbox.subject,
        template: mailOutbox.template,
        status: mailOutbox.status,
        attempts: mailOutbox.attempts,
      })
      .from(mailOutbox)
      .where(where)
      .orderBy(desc(mailOutbox.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(mailOutbox).where(where),
    db
      .selectDistinct({ template: mailOutbox.template })
      .from(mailOutbox)
      .orderBy(mailOutbox.template),
  ]);
  return { ...pageOf(rows, total, page), templates: templates.map((row) => row.template) };
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
