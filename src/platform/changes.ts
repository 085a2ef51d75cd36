import { sql } from "drizzle-orm";
import { type Db, type Queryable, type Tx, rowsOf } from "./db/client";

/**
 * "Something a module publishes has changed": the write path raises the topic's data
 * version in the very transaction that changes it, and whoever keeps derived copies (the
 * public figures' cache, the ETags of public pages, rendered maps) keys them on that
 * version. Pages never clear caches; and since the version lives in the database, every
 * instance of the portal sees the change as soon as it is committed.
 */
export type ChangedTopic = "atlas" | "apd" | "bourse";

/** Raises the topic's version; call inside the transaction that makes the change. */
export async function markChanged(tx: Queryable, topic: ChangedTopic) {
  await tx.execute(sql`
    INSERT INTO platform_data_versions AS v (topic, version) VALUES (${topic}, 1)
    ON CONFLICT (topic) DO UPDATE SET version = v.version + 1, changed_at = now()`);
}

/** Runs a write in a transaction that also raises the topic's version. */
export function changing<T>(db: Db, topic: ChangedTopic, write: (tx: Tx) => Promise<T>) {
  return db.transaction(async (tx) => {
    const result = await write(tx);
    await markChanged(tx, topic);
    return result;
  });
}

/** The topic's current version (0 before its first change). */
export async function dataVersion(q: Queryable, topic: ChangedTopic): Promise<number> {
  const [row] = rowsOf<{ version: string | number }>(
    await q.execute(sql`SELECT version FROM platform_data_versions WHERE topic = ${topic}`),
  );
  return row ? Number(row.version) : 0;
}

/**
 * A read shared by the callers who wait for it at the same time: each caller gets a value
 * read after it asked (never one read before — a write it follows is always seen), but
 * the hundreds of requests arriving together under load cost one query, not hundreds.
 */
export function sharedReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = () => {
    const reading = read().finally(() => {
      if (running === reading) running = null;
    });
    running = reading;
    return reading;
  };
  return () => {
    if (next) return next;
    if (!running) return start();
    // The read under way began before this caller: the following one is shared.
    const following = running
      .catch(() => undefined)
      .then(() => {
        if (next === following) next = null;
        return start();
      });
    next = following;
    return following;
  };
}
