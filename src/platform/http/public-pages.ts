import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../db/client";
import { parisDay } from "../french-format";

/**
 * What a visitor's page of public content depends on: the running build, the day (pages
 * say "ouvert jusqu'au…") and the data versions of the modules (platform/changes.ts), all
 * read from the database so every instance gives the same tag for the same page.
 */
export async function publicPageTag(q: Queryable, build: string, now = new Date()) {
  const versions = rowsOf<{ topic: string; version: string | number }>(
    await q.execute(sql`SELECT topic, version FROM platform_data_versions ORDER BY topic`),
  );
  const data = versions.map((row) => `${row.topic}${row.version}`).join(".");
  return `W/"${build}.${parisDay(now)}.${data}"`;
}

/**
 * Caching of a visitor's page that set no cookie: any cache may keep it, and asks again
 * with its tag each time (an unchanged page then costs a 304, not a render).
 */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, no-cache";
