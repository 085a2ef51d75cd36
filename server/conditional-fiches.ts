import type express from "express";
import { LRUCache } from "lru-cache";
import { projectFicheTag } from "../src/modules/atlas/index";
import { SESSION_COOKIE } from "../src/platform/auth/sessions";
import type { Db } from "../src/platform/db/client";

/**
 * Conditional GET for public fiches seen by visitors: the page carries an ETag made of what
 * it shows (plus the running build), and a browser that already has it gets a 304 after
 * one small query instead of a render. "private": every page also sets the visitor's own
 * CSRF cookie, which no shared cache may hand to others. Signed-in pages show the
 * person's name in the header and stay uncached. A fingerprint is reused for two seconds,
 * so a burst of revalidations costs one query: an edit shows at most two seconds late.
 */
export const FICHE_TAG_REUSE_MS = 2_000;

export function conditionalFiches(db: Db): express.RequestHandler {
  const build = Date.now().toString(36);
  const recent = new LRUCache<number, { tag: string | null }>({
    max: 20_000,
    ttl: FICHE_TAG_REUSE_MS,
  });
  const tagOf = async (id: number) => {
    const known = recent.get(id);
    if (known) return known.tag;
    const tag = await projectFicheTag(db, id);
    recent.set(id, { tag });
    return tag;
  };
  return async (request, response, next) => {
    try {
      if (request.headers.cookie?.includes(`${SESSION_COOKIE}=`)) return next();
      const id = String(request.params.projectId ?? "");
      if (!/^\d{1,9}$/.test(id ?? "")) return next();
      const tag = await tagOf(Number(id));
      if (!tag) return next();
      const etag = `W/"${build}-${tag}"`;
      response.setHeader("ETag", etag);
      response.setHeader("Cache-Control", "private, no-cache");
      response.setHeader("Vary", "Cookie");
      if (request.headers["if-none-match"] === etag) {
        response.status(304).end();
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
