/**
 * "Something a module publishes has changed": its commands announce it once their
 * transaction has committed, and whoever keeps derived copies (the public figures' cache)
 * listens. Pages do not clear caches; the write path says what changed.
 */
export type ChangedTopic = "atlas" | "apd" | "bourse";

type Listener = (topic: ChangedTopic) => void;
const listeners = new Set<Listener>();

/** Registers a listener for this process; returns how to remove it. */
export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call after the change's transaction has committed (an announced rollback costs a recount). */
export function announceChange(topic: ChangedTopic) {
  for (const listener of listeners) listener(topic);
}

/** Runs a write and announces it once it has committed. */
export async function announcing<T>(topic: ChangedTopic, write: () => Promise<T>): Promise<T> {
  const result = await write();
  announceChange(topic);
  return result;
}
