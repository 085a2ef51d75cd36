import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../tests/support/database";
import { requestPasswordReset, signIn } from "../modules/accounts/index";
import { recordSignInFailure } from "./auth/rate-limit";
import { passwordResetTokens, sessions, throttleEvents } from "./auth/schema";
import { ERASED_MAIL_BODY, purgePlatform } from "./housekeeping";
import { enqueueMail } from "./mail/outbox";
import { mailOutbox } from "./mail/schema";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const IDLE_MS = 2 * 60 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

describe("the periodic purge", () => {
  it("removes ended sessions, dead links, old attempts and old mail bodies, and keeps the rest", async () => {
    const db = database.db;
    await signIn(db, { email: "daect@example.org", password: "Demo-AECT-2026!" }, "10.1.0.1");
    await requestPasswordReset(db, { email: "reseau-53@example.org" }, "http://p", "10.1.0.1");
    await recordSignInFailure(db, "x@example.org", "10.1.0.2");
    for (const key of ["ancien", "recent"])
      await enqueueMail(db, {
        idempotencyKey: `menage:${key}`,
        template: "test",
        to: `${key}@example.org`,
        subject: key,
        text: `Courriel ${key}`,
        html: `<p>Courriel ${key}</p>`,
      });
    await db.execute(sql`UPDATE mail_outbox SET status = 'sent', sent_at = now() - interval '40 days'
      WHERE idempotency_key = 'menage:ancien'`);
    await db.execute(sql`UPDATE mail_outbox SET status = 'sent', sent_at = now()
      WHERE idempotency_key = 'menage:recent'`);

    // Now: nothing has ended yet but the old mail.
    const now = await purgePlatform(db, IDLE_MS);
    expect(now).toMatchObject({ sessions: 0, resetLinks: 0, attempts: 0, mailBodies: 1 });
    const bodies = await db
      .select({ to: mailOutbox.recipient, body: mailOutbox.bodyText })
      .from(mailOutbox)
      .where(sql`${mailOutbox.idempotencyKey} LIKE 'menage:%'`);
    expect(Object.fromEntries(bodies.map((mail) => [mail.to, mail.body]))).toEqual({
      "ancien@example.org": ERASED_MAIL_BODY,
      "recent@example.org": "Courriel recent",
    });

    // Two days later: the session idled out, the reset link expired, the attempt is old.
    const later = await purgePlatform(db, IDLE_MS, new Date(Date.now() + 2 * DAY));
    expect(later.sessions).toBeGreaterThanOrEqual(1);
    expect(later.resetLinks).toBeGreaterThanOrEqual(1);
    expect(later.attempts).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(sessions)).toEqual([]);
    expect(await db.select().from(passwordResetTokens)).toEqual([]);
    expect(
      await db.select().from(throttleEvents).where(eq(throttleEvents.subject, "x@example.org")),
    ).toEqual([]);
    // A second run finds nothing more to erase.
    expect((await purgePlatform(db, IDLE_MS)).mailBodies).toBe(0);
  });
});
