import { serial, boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organisations, users } from "../../platform/auth/schema";

/** An organisation administrator's invitation of a colleague, accepted through a mailed link. */
export const invitations = pgTable(
  "invitations",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    asAdmin: boolean("as_admin").notNull().default(false),
    invitedBy: integer("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("invitations_organisation_idx").on(table.organisationId)],
);
