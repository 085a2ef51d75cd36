import { readFileSync } from "node:fs";
import path from "node:path";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { RouterContextProvider } from "react-router";
import "react-router";
import { appContext, type AppServices } from "../app/context";
import type { Database } from "../src/platform/db/client";
import { projectRoot } from "../src/platform/db/project-root";
import { createPublicCache } from "../src/platform/cache";
import { sharedReads } from "../src/platform/changes";
import { exportSlots } from "../src/platform/http/export-slots";
import {
  badQueryParameter,
  controlCharacterMessage,
  hasControlCharacter,
} from "../src/platform/http/control-characters";
import { sendErrorPage } from "./error-page";
import { publicPages } from "./public-pages";
import { publicPageTag as currentPublicPageTag } from "../src/platform/http/public-pages";
import { pageHandler } from "./page-handler";
import { projectExportHandler } from "./project-export";

export { startPortal } from "./start";

declare module "react-router" {
  interface Future {
    v8_middleware: true;
  }
}

/**
 * The portal's HTTP application: security headers, static DSFR assets, /healthz, and the
 * React Router pages. Takes an open database so tests can run it on their own one.
 */
export function createApp(services: {
  database: Database;
  config: AppServices["config"];
  logger: Logger;
  /** Development only: Vite's middlewares serve and hot-reload the client files. */
  devMiddleware?: express.RequestHandler;
}) {
  const app = express();
  // Public figures are kept per data version: every instance follows every write.
  const cache = createPublicCache(services.database.db);
  const buildVersion = import("virtual:react-router/server-build").then(
    (build) => build.assets.version,
  );
  // Requests arriving together share one reading of the data versions.
  const publicPageTag = sharedReads(async () =>
    currentPublicPageTag(services.database.db, await buildVersion),
  );
  const visitorPages = publicPages(publicPageTag);
  // Two heavy exports at once per instance, one per client, four more waiting 20 s at most.
  const slots = exportSlots({ overall: 2, perClient: 1, queueLength: 4, waitMs: 20_000 });
  app.disable("x-powered-by");
  // Client addresses (throttles) come from X-Forwarded-For only behind a proxy named in
  // TRUST_PROXY; by default the header is ignored, so nobody can rotate it to dodge a limit.
  app.set("trust proxy", services.config.trustProxy);
  const behindTls = services.config.publicUrl.startsWith("https://");
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // Pages are server-rendered without inline scripts: only our own files run.
          "script-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "style-src": ["'self'", "'unsafe-inline'"],
          // Forms stay on the portal, except the ProConnect button and signing out, which
          // redirect to the identity provider.
          "form-action": [
            "'self'",
            ...(services.config.openId ? [new URL(services.config.openId.issuer).origin] : []),
          ],
          "upgrade-insecure-requests": behindTls ? [] : null,
        },
      },
      strictTransportSecurity: behindTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      // "no-referrer" makes browsers post forms with "Origin: null", which the router
      // rightly refuses as cross-site; same-origin requests keep their origin with this one.
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    }),
  );

  // No page or API reads a control character in its address: refused once, here.
  app.use((request, response, next) => {
    let url: URL;
    let pathname: string;
    try {
      url = new URL(request.originalUrl, "http://portail");
      pathname = decodeURIComponent(url.pathname);
    } catch {
      sendErrorPage(response, 400, "Adresse invalide", "Cette adresse est mal formée.");
      return;
    }
    const field = badQueryParameter(url.searchParams);
    if (field !== null || hasControlCharacter(pathname)) {
      sendErrorPage(response, 400, "Adresse invalide", controlCharacterMessage(field ?? "adresse"));
      return;
    }
    next();
  });

  // A visitor's public page already rendered for this data version (or revalidated with its
  // tag) is answered here, before any compression or rendering.
  app.use(visitorPages.middleware);
  app.use(compression());

  app.get("/healthz", async (_request, response) => {
    try {
      await services.database.db.execute("SELECT 1");
      response.json({ status: "ok", db: services.database.kind });
    } catch (error) {
      services.logger.error({ err: error }, "health check failed");
      response.status(503).json({ status: "error", db: services.database.kind });
    }
  });

  if (services.devMiddleware) app.use(services.devMiddleware);
  const root = projectRoot();
  const dsfrFolder = path.join(root, "node_modules/@codegouvfr/react-dsfr/dsfr");
  // The design system's fonts, shown only if they are there for the first paint: a face that
  // swaps in later re-wraps the text under the reader's eyes (docs/decisions/0033).
  const dsfrCss = readFileSync(path.join(dsfrFolder, "dsfr.min.css"), "utf8").replaceAll(
    "font-display:swap",
    "font-display:optional",
  );
  app.get("/dsfr/dsfr.min.css", (_request, response) => {
    response.type("text/css").set("Cache-Control", "public, max-age=604800").send(dsfrCss);
  });
  app.use("/dsfr", express.static(dsfrFolder, { maxAge: "7d" }));
  // The map library behind public/js/carte.js, served from here like the DSFR: no other host.
  app.use(
    "/vendor/leaflet",
    express.static(path.join(root, "node_modules/leaflet/dist"), { maxAge: "7d" }),
  );
  app.use(
    "/assets",
    express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.get(
    "/api/v1/projects/export",
    projectExportHandler(services.database.db, services.config, slots, cache),
  );
  app.all(
    /.*/,
    pageHandler({
      build: () => import("virtual:react-router/server-build"),
      reloadEachRequest: Boolean(services.devMiddleware),
      getLoadContext(request) {
        const context = new RouterContextProvider();
        context.set(appContext, {
          db: services.database.db,
          dbKind: services.database.kind,
          config: services.config,
          logger: services.logger,
          cache,
          exportSlots: slots,
          publicPageTag: async () => visitorPages.tagOf(request.res!) ?? publicPageTag(),
          keepPublicPage: (page) => visitorPages.keep(request.res!, page),
          clientAddress: request.ip ?? request.socket.remoteAddress ?? "inconnu",
        });
        return context;
      },
    }),
  );
  // Last resort for errors outside the pages: a French message, never a stack trace.
  app.use(
    (
      error: unknown,
      _request: express.Request,
      response: express.Response,
      _next: express.NextFunction,
    ) => {
      services.logger.error({ err: error }, "unhandled error");
      if (response.headersSent) return;
      response
        .status(500)
        .type("text/plain; charset=utf-8")
        .send("Une erreur inattendue est survenue. Réessayez dans quelques instants.");
    },
  );
  return app;
}
