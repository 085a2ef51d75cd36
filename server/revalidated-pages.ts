import type express from "express";
import { SESSION_COOKIE } from "../src/platform/auth/sessions";
import { PUBLIC_PAGE_CACHE_CONTROL } from "../src/platform/http/public-pages";

/**
 * Conditional GET of public pages: a visitor (no session) who sends back the tag of a page
 * it has gets a 304 after one small query, without the page being rendered. Only pages
 * that were tagged can match (the session middleware tags a visitor's public page that
 * set no cookie), and the tag changes with any write (platform/changes.ts).
 */
export function revalidatedPublicPages(currentTag: () => Promise<string>): express.RequestHandler {
  return async (request, response, next) => {
    try {
      const asked = request.headers["if-none-match"];
      if (
        !asked ||
        (request.method !== "GET" && request.method !== "HEAD") ||
        request.headers.cookie?.includes(`${SESSION_COOKIE}=`)
      )
        return next();
      const tag = await currentTag();
      if (!asked.split(/\s*,\s*/).includes(tag)) return next();
      response.setHeader("ETag", tag);
      response.setHeader("Cache-Control", PUBLIC_PAGE_CACHE_CONTROL);
      response.setHeader("Vary", "Cookie");
      response.status(304).end();
    } catch (error) {
      next(error);
    }
  };
}
