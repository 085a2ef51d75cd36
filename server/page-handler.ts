import { writeReadableStreamToWritable } from "@react-router/node";
import type express from "express";
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from "react-router";
import { bodyLimitFor, megabytes } from "../src/platform/http/body-limits";
import { sendErrorPage } from "./error-page";

/**
 * Serves the React Router pages, as @react-router/express does, with one difference: a
 * request body is counted as it arrives and cut at its route's limit, so that no form or
 * upload larger than allowed is ever held in memory or parsed.
 */
export function pageHandler(options: {
  build: () => Promise<ServerBuild>;
  getLoadContext: (request: express.Request) => RouterContextProvider;
  mode?: string;
  /** Development: the build is asked for again on each request (files reload). */
  reloadEachRequest?: boolean;
}): express.RequestHandler {
  const mode = options.mode ?? process.env.NODE_ENV;
  // Given a function, the router re-derives its routes on every request (for reloading);
  // given the build itself, it derives them once.
  const ready = options.reloadEachRequest
    ? Promise.resolve(createRequestHandler(options.build, mode))
    : options.build().then((build) => createRequestHandler(build, mode));
  return async (req, res, next) => {
    try {
      const handle = await ready;
      const limit = bodyLimitFor(req.path);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      if (hasBody && Number(req.headers["content-length"] ?? 0) > limit) {
        refuseTooLarge(req, res, limit);
        return;
      }
      let tooLarge = false;
      const request = fetchRequest(req, res, hasBody ? limit : 0, () => {
        tooLarge = true;
      });
      const response = await handle(request, options.getLoadContext(req));
      if (tooLarge) {
        await response.body?.cancel();
        refuseTooLarge(req, res, limit);
        return;
      }
      // The router's own 405 text names the route's file; pages show their French boundary,
      // and a page's data twin gets this French answer instead.
      if (response.status === 405 && req.path.endsWith(".data")) {
        await response.body?.cancel();
        sendErrorPage(res, 405, "Action impossible", NO_FORM_HERE);
        return;
      }
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

const NO_FORM_HERE =
  "Cette page ne reçoit pas de formulaire : revenez à la page d'où vous veniez et réessayez.";

function refuseTooLarge(req: express.Request, res: express.Response, limit: number) {
  // What is still on its way is read and dropped, never kept; the connection then closes.
  req.resume();
  sendErrorPage(
    res,
    413,
    "Envoi trop volumineux",
    `Ce que vous avez envoyé dépasse ${megabytes(limit)} Mo, la taille acceptée par ce formulaire : rien n'a été enregistré. Joignez des fichiers plus petits ou moins nombreux.`,
    { Connection: "close" },
  );
}

function fetchRequest(
  req: express.Request,
  res: express.Response,
  limit: number,
  onTooLarge: () => void,
): Request {
  const url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.set(key, value);
  }
  const controller = new AbortController();
  let finished = false;
  res.on("finish", () => {
    finished = true;
  });
  res.on("close", () => {
    if (!finished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers,
    signal: controller.signal,
  };
  if (limit > 0) {
    init.body = limitedBody(req, limit, onTooLarge);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

/**
 * The request body as a stream (paused while the page has not read what came), that errors
 * past the limit; from then on what still arrives is dropped, never kept.
 */
function limitedBody(req: express.Request, limit: number, onTooLarge: () => void) {
  let received = 0;
  let settled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (settled) return;
          received += chunk.byteLength;
          if (received > limit) {
            settled = true;
            onTooLarge();
            controller.error(new RangeError("request body over its limit"));
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once("end", () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        req.once("error", (error) => {
          if (settled) return;
          settled = true;
          controller.error(error);
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        settled = true;
        req.resume();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

async function sendResponse(res: express.Response, response: Response) {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.body) {
    try {
      await writeReadableStreamToWritable(response.body, res);
    } catch (error) {
      if (res.destroyed || res.writableEnded) return;
      throw error;
    }
  } else res.end();
}
