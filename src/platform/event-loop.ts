/**
 * Lets other requests run between two slices of a long loop (checking imported rows, writing
 * a PDF): a heavy task on one request must not make /healthz or a page wait for it.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
