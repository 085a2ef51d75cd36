import { LRUCache } from "lru-cache";

/**
 * A per-instance cache for public, slowly changing figures (statistics on public pages).
 * Losing it costs one recomputation; nothing another instance needs is kept here.
 */
export type PublicCache = LRUCache<string, object>;

export const createPublicCache = (ttlSeconds = 300): PublicCache =>
  new LRUCache<string, object>({ max: 500, ttl: ttlSeconds * 1000 });

export async function cached<T extends object>(
  cache: PublicCache,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const hit = cache.get(key) as T | undefined;
  if (hit) return hit;
  const value = await compute();
  cache.set(key, value);
  return value;
}
