import type { Logger } from "pino";
import { createContext } from "react-router";
import type { Actor } from "../src/platform/auth/actor";
import type { PublicCache } from "../src/platform/cache";
import type { AppConfig } from "../src/platform/config";
import type { Db, DatabaseKind } from "../src/platform/db/client";
import type { ExportSlots } from "../src/platform/http/export-slots";

/** What every request can use: set once per request by the HTTP server. */
export interface AppServices {
  db: Db;
  dbKind: DatabaseKind;
  config: AppConfig;
  logger: Logger;
  /** Public figures computed recently by this instance. */
  cache: PublicCache;
  /** The client as this server sees it (behind a trusted proxy: as the proxy says). */
  clientAddress: string;
  /** Heavy exports running on this instance (platform/http/export-slots). */
  exportSlots: ExportSlots;
  /** The ETag of a visitor's public page now (platform/http/public-pages). */
  publicPageTag: () => Promise<string>;
  /** Keeps a visitor's tagged page for the next visitors (server/public-pages.ts). */
  keepPublicPage: (page: Response) => Promise<Response>;
}

export const appContext = createContext<AppServices>();

/** Who is asking and the tokens their forms carry, set by the session middleware. */
export interface RequestState {
  actor: Actor;
  sessionToken: string | undefined;
  csrfToken: string;
  secureCookies: boolean;
}

export const requestContext = createContext<RequestState>();
