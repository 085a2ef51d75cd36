import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { deadlineRules as bourseRules } from "../../src/modules/bourse/index";
import { bourseRequests } from "../../src/modules/bourse/schema";
import { deadlineFirings } from "../../src/platform/deadlines/schema";
import { dayOffset, runDeadlines } from "../../src/platform/deadlines/scheduler";
import { mailOutbox } from "../../src/platform/mail/schema";
import { builders } from "../support/build";
import { type TestDatabase, openTestDatabase } from "../support/database";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
let database: TestDatabase;
let build: ReturnType<typeof builders>;

beforeAll(async () => {
  database = await openTestDatabase();
  build = builders(database.db);
});
afterAll(async () => {
  await database.close();
});

/** A published request whose end is `days` away, with its reminder mails so far. */
async function publishedEndingIn(days: number, now: Date) {
  const request = await build.request({ status: "published" });
  await database.db
    .update(bourseRequests)
    .set({ expiresAt: new Date(now.getTime() + days * 86_400_000) })
    .where(eq(bourseRequests.id, request.id));
  const reminders = () =>
    database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.template, "bourse-expiry-reminder"),
          like(mailOutbox.idempotencyKey, `bourse:request:${request.id}:%`),
        ),
      );
  return { request, reminders };
}

describe("the deadline scheduler", () => {
  it("computes days before and after a date across months and years", () => {
    expect(dayOffset("2027-03-01", -15)).toBe("2027-02-14");
    expect(dayOffset("2026-12-25", 10)).toBe("2027-01-04");
    expect(dayOffset("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("fires a rule once per record and due date, again only when the date moves", async () => {
    const now = new Date();
    const { request, reminders } = await publishedEndingIn(10, now);
    const context = { now, publicUrl: "http://portail.test" };
    const first = await runDeadlines(database.db, bourseRules, context);
    expect(first.filter((firing) => firing.recordId === request.id)).toHaveLength(1);
    await runDeadlines(database.db, bourseRules, context);
    expect(await reminders()).toHaveLength(1);
    // A renewal moves the end and clears the mark: the new end is reminded in its turn.
    await database.db
      .update(bourseRequests)
      .set({ expiresAt: new Date(now.getTime() + 20 * 86_400_000), expiryRemindedAt: null })
      .where(eq(bourseRequests.id, request.id));
    await runDeadlines(database.db, bourseRules, context);
    expect(await reminders()).toHaveLength(2);
  });

  it.runIf(inject("serverUrl"))(
    "fires a reminder once when two portal processes share one PostgreSQL database",
    async () => {
      const now = new Date();
      const { request, reminders } = await publishedEndingIn(10, now);
      const process = () =>
        run(
          join(root, "node_modules/.bin/tsx"),
          ["tests/support/deadline-process.ts", database.url ?? "", now.toISOString()],
          { cwd: root },
        );
      const outputs = await Promise.all([process(), process()]);
      const fired = outputs.flatMap(
        (output) =>
          JSON.parse(output.stdout) as { rule: string; recordId: number; occurrence: string }[],
      );
      const mine = fired.filter(
        (firing) =>
          firing.recordId === request.id && firing.rule === "bourse:request:expiry-reminder",
      );
      expect(mine).toHaveLength(1);
      expect(await reminders()).toHaveLength(1);
      const claims = await database.db
        .select()
        .from(deadlineFirings)
        .where(
          and(
            eq(deadlineFirings.rule, "bourse:request:expiry-reminder"),
            eq(deadlineFirings.recordId, request.id),
          ),
        );
      expect(claims).toHaveLength(1);
    },
  );
});
