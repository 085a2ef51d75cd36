import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../tests/support/actors";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/database";
import { EXTRACTION_QUOTA, keepExtraction, workspaceOf } from "./index";
import { extractions } from "./schema";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("kept extractions", () => {
  it("stay within the person's quota: the oldest give way to the newest", async () => {
    const agent = await actorFor(database.db, "agent-53@example.org");
    const options = { publicUrl: "http://portail.test", now: new Date() };
    const kept: number[] = [];
    for (let n = 0; n <= EXTRACTION_QUOTA.files; n += 1)
      kept.push(
        (await keepExtraction(database.db, agent, { format: "csv", query: "country=MG" }, options))
          .id,
      );
    const { extractions: files } = await workspaceOf(database.db, agent);
    expect(files).toHaveLength(EXTRACTION_QUOTA.files);
    // The first one kept is the one that went; the newest is there.
    expect(files.map((file) => file.id)).not.toContain(kept[0]);
    expect(files[0].id).toBe(kept.at(-1));
    // Another person's files are untouched.
    const other = await actorFor(database.db, "agent-35@example.org");
    await keepExtraction(database.db, other, { format: "csv", query: "country=MG" }, options);
    expect(
      await database.db.select().from(extractions).where(eq(extractions.userId, agent.userId)),
    ).toHaveLength(EXTRACTION_QUOTA.files);
  });
});
