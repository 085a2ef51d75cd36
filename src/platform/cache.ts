import { LRUCache } from "lru-cache";

/**
 * A per-instance cache for public, slowly changing figures (statistics on public pages).
 * Losing it costs one recomputation; nothing another instance needs is kept here.
 * It holds promises, so requests arriving while a figure is computed wait for that one
 * computation instead of each starting their own.
 */
export type PublicCache = LRUCache<string, Promise<object>>;

export const createPublicCache = (ttlSeconds = 300): PublicCache =>
  new LRUCache<string, Promise<object>>({ max: 500, ttl: ttlSeconds * 1000 });

export function cached<T extends object>(
  cache: PublicCache,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const pending = compute();
  cache.set(key, pending);
  // A failed computation is not kept: the next request tries again.
  pending.catch(() => cache.delete(key));
  return pending;
}

/** Forgets the figures of one module (keys starting with `prefix`) after a change. */
export function forgetCached(cache: PublicCache, prefix: string) {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}
