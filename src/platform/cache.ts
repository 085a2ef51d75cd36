import { LRUCache } from "lru-cache";
import { type ChangedTopic, dataVersion, sharedReads } from "./changes";
import type { Queryable } from "./db/client";

/**
 * A per-instance cache for public figures and fragments (statistics, counts, maps), each
 * kept for the data version of its topic: a write anywhere raises the version in the
 * database, so no instance serves a figure older than the last commit. Losing it costs
 * one recomputation. It holds promises, so requests arriving while a figure is computed
 * wait for that one computation instead of each starting their own.
 */
export interface PublicCache {
  at<T extends object>(topic: ChangedTopic, key: string, compute: () => Promise<T>): Promise<T>;
}

export function createPublicCache(db: Queryable, max = 500): PublicCache {
  const entries = new LRUCache<string, Promise<object>>({ max });
  const versions = new Map<ChangedTopic, () => Promise<number>>();
  const versionOf = (topic: ChangedTopic) => {
    let read = versions.get(topic);
    if (!read) {
      read = sharedReads(() => dataVersion(db, topic));
      versions.set(topic, read);
    }
    return read();
  };
  return {
    async at<T extends object>(topic: ChangedTopic, key: string, compute: () => Promise<T>) {
      const version = await versionOf(topic);
      const full = `${topic}:${version}:${key}`;
      const hit = entries.get(full) as Promise<T> | undefined;
      if (hit) return hit;
      const pending = compute();
      entries.set(full, pending);
      // A failed computation is not kept: the next request tries again.
      pending.catch(() => entries.delete(full));
      return pending;
    },
  };
}
