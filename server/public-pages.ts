import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type express from "express";
import { LRUCache } from "lru-cache";
import { SESSION_COOKIE } from "../src/platform/auth/sessions";
import { PUBLIC_PAGE_CACHE_CONTROL } from "../src/platform/http/public-pages";

const gzipped = promisify(gzip);

/** Files and probes, served by their own handlers without any tag. */
const NOT_PAGES = /^\/(assets|dsfr|js|vendor)\/|^\/healthz$|\.(css|js|svg|png|ico|woff2?)$/;

interface StoredPage {
  tag: string;
  headers: [string, string][];
  body: Buffer;
  gzipped: Buffer;
}

/** What one request of a visitor knows of its page: the tag of now, the cache's key. */
interface VisitorPage {
  tag: string;
  key: string;
}

/**
 * Visitors' public pages, served once per data version: the session middleware tags a
 * visitor's page that shows no form (its ETag: build, day, data versions, the same on every
 * instance) and hands it here; the next visitor asking for that address while the tag holds
 * gets the stored bytes, gzipped once, without any rendering; one who sends the tag back
 * gets a 304. A write anywhere changes the tag, so nothing stale is ever served.
 */
export function publicPages(currentTag: () => Promise<string>, maxBytes = 64 * 1024 * 1024) {
  const pages = new LRUCache<string, StoredPage>({
    maxSize: maxBytes,
    sizeCalculation: (page) => page.body.length + page.gzipped.length + 1,
  });
  // One rendering per address and tag at a time: the visitors arriving meanwhile wait for
  // it and get the stored page (300 people on a page just changed cost one rendering).
  const rendering = new Map<string, { tag: string; done: Promise<void>; finish: () => void }>();
  // Addresses whose page was not stored (a form, a redirect…): nobody waits for them.
  const notStored = new LRUCache<string, string>({ max: 10_000 });

  const send = (request: express.Request, response: express.Response, stored: StoredPage) => {
    for (const [name, value] of stored.headers) response.setHeader(name, value);
    const zipped = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    if (zipped) response.setHeader("Content-Encoding", "gzip");
    response.setHeader("Vary", "Cookie, Accept-Encoding");
    const body = zipped ? stored.gzipped : stored.body;
    response.setHeader("Content-Length", body.length);
    response.status(200).end(request.method === "HEAD" ? undefined : body);
  };

  const middleware: express.RequestHandler = async (request, response, next) => {
    try {
      if (
        (request.method !== "GET" && request.method !== "HEAD") ||
        request.headers.cookie?.includes(`${SESSION_COOKIE}=`) ||
        NOT_PAGES.test(request.path)
      )
        return next();
      const tag = await currentTag();
      response.locals.visitorPage = { tag, key: request.originalUrl } satisfies VisitorPage;
      const asked = request.headers["if-none-match"];
      if (asked?.split(/\s*,\s*/).includes(tag)) {
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", PUBLIC_PAGE_CACHE_CONTROL);
        response.setHeader("Vary", "Cookie");
        response.status(304).end();
        return;
      }
      const key = request.originalUrl;
      const stored = pages.get(key);
      if (stored?.tag === tag) return send(request, response, stored);
      // Only an address already known as a stored page waits for another's rendering:
      // exports, API calls and pages with forms are never held up.
      if (!stored || notStored.get(key) === tag) return next();
      const current = rendering.get(key);
      if (current?.tag === tag) {
        await current.done;
        const rendered = pages.get(key);
        return rendered?.tag === tag ? send(request, response, rendered) : next();
      }
      let finish = () => {};
      const done = new Promise<void>((resolve) => {
        finish = resolve;
      });
      rendering.set(key, { tag, done, finish });
      response.once("close", () => {
        if (rendering.get(key)?.done === done) rendering.delete(key);
        if (pages.get(key)?.tag !== tag) notStored.set(key, tag);
        finish();
      });
      next();
    } catch (error) {
      next(error);
    }
  };

  /** The tag of this request's page, when the middleware saw a visitor. */
  const tagOf = (response: express.Response): string | null =>
    (response.locals.visitorPage as VisitorPage | undefined)?.tag ?? null;

  /** Stores a tagged page and gives it back, whole, to be sent. */
  const keep = async (response: express.Response, page: Response): Promise<Response> => {
    const visitor = response.locals.visitorPage as VisitorPage | undefined;
    const body = Buffer.from(await page.arrayBuffer());
    if (visitor) {
      const headers = [...page.headers.entries()].filter(
        ([name]) => !/^(content-length|content-encoding|vary|set-cookie)$/i.test(name),
      );
      pages.set(visitor.key, { tag: visitor.tag, headers, body, gzipped: await gzipped(body) });
      notStored.delete(visitor.key);
      // Those waiting for this rendering need not wait for it to reach its own visitor.
      rendering.get(visitor.key)?.finish();
    }
    return new Response(body, { status: page.status, headers: page.headers });
  };

  return { middleware, tagOf, keep };
}
