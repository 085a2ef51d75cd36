import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./client";

// The server answers other requests while one of them runs a chain of statements: with the
// embedded database, that holds only if the chain gives the event loop a turn.
let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: "memory://" });
});
afterAll(() => database.close());

/** How many statements of the chain had run when a timer set at its start fired. */
async function statementsBeforeATimer(run: (counted: () => void) => Promise<void>) {
  let statements = 0;
  let seen: number | undefined;
  setTimeout(() => {
    seen = statements;
  }, 0);
  await run(() => {
    statements++;
  });
  return seen;
}

describe("the embedded database", () => {
  it("lets a timer run between the statements of a chain", async () => {
    const seen = await statementsBeforeATimer(async (counted) => {
      for (let i = 0; i < 40; i++) {
        await database.db.execute(sql`SELECT 1`);
        counted();
      }
    });
    expect(seen).toBeLessThan(40);
  });

  it("does so inside a transaction too", async () => {
    const seen = await statementsBeforeATimer((counted) =>
      database.db.transaction(async (tx) => {
        for (let i = 0; i < 40; i++) {
          await tx.execute(sql`SELECT 1`);
          counted();
        }
      }),
    );
    expect(seen).toBeLessThan(40);
  });
});
