import type { Server } from "node:http";
import path from "node:path";
import type express from "express";
import pino from "pino";
import { seedIfEmpty } from "../src/demo/seed";
import { deadlineRules as apdDeadlines } from "../src/modules/apd/index";
import { deadlineRules as atlasDeadlines } from "../src/modules/atlas/index";
import { runDeadlines } from "../src/platform/deadlines/scheduler";
import { purgeAccounts } from "../src/modules/accounts/index";
import {
  deadlineRules as bourseDeadlines,
  purgeExpiredFollowLinks,
} from "../src/modules/bourse/index";
import { purgePlatform } from "../src/platform/housekeeping";
import { writeOfficialNames } from "../src/modules/register/index";
import { sendAlertDigests } from "../src/modules/workspace/index";
import { everyInterval } from "../src/platform/jobs/periodic";
import {
  failInterruptedImports,
  atlasIndexIsIncomplete,
  rebuildAtlasIndex,
} from "../src/modules/atlas/index";
import { type AppConfig, ConfigError, loadConfig } from "../src/platform/config";
import { openDatabase } from "../src/platform/db/client";
import { migrateDatabase } from "../src/platform/db/migrate";
import {
  createFolderTransport,
  createSmtpTransport,
  startMailWorker,
} from "../src/platform/mail/worker";
import { loadReferenceData } from "../src/reference/load/index";
import { createApp } from "./app";

/**
 * Starts the portal: checks the configuration, opens and migrates the database, loads the
 * reference data, fills an empty database with the demo dataset (outside production),
 * starts the mail worker when SMTP is configured, and listens.
 */
export async function startPortal(
  options: { env?: NodeJS.ProcessEnv; devMiddleware?: express.RequestHandler } = {},
) {
  let config: AppConfig;
  try {
    config = loadConfig(options.env ?? process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, base: { service: "portail-aect" } });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  logger.info({ db: database.kind }, "database opened");
  await migrateDatabase(database);
  const reference = await loadReferenceData(database);
  logger.info({ reference }, "reference data ready");
  const seeded = config.seedDemo && (await seedIfEmpty(database));
  if (seeded) logger.info("demo dataset loaded");
  // Reloaded reference data may rename units (collectivités then sign with the official
  // name) and relabel countries or thématiques: the Atlas rows are written again. A dataset
  // just loaded was written with them already.
  const relabelled = reference === "loaded" && !seeded;
  if (relabelled) {
    const renamed = await database.db.transaction(writeOfficialNames);
    if (renamed.length > 0)
      logger.info({ renamed: renamed.length }, "collectivités renamed from the reference");
  }
  // An Atlas that predates its search index gets one before the first search.
  if (relabelled || (await atlasIndexIsIncomplete(database.db))) {
    logger.info("building the Atlas search index");
    await rebuildAtlasIndex(database.db);
  }
  await failInterruptedImports(database.db);

  const mailFolder = path.resolve(config.dataDir, "courriels");
  const transport = config.smtpUrl
    ? createSmtpTransport(config.smtpUrl)
    : config.env !== "production"
      ? createFolderTransport(mailFolder)
      : null;
  const worker = transport
    ? startMailWorker(database.db, transport, {
        from: config.mailFrom,
        intervalMs: config.mailWorkerIntervalMs,
        // Files are written fast: a campaign's thousands of mails leave in a minute or so.
        batchSize: config.smtpUrl ? undefined : 500,
        logger,
      })
    : null;
  if (!config.smtpUrl && worker)
    logger.warn({ folder: mailFolder }, "SMTP_URL is not set: mails are written as .eml files");
  if (!worker)
    logger.warn("SMTP_URL is not set: mails are kept in the outbox (see /admin/courriels)");
  // Hourly: each alerted search is looked at, and mailed about at most once a week.
  const alerts = everyInterval(
    "alert-digests",
    60 * 60 * 1000,
    () => sendAlertDigests(database.db, { now: new Date(), publicUrl: config.publicUrl }),
    logger,
  );
  // Hourly: every "X days before / on / after a date" rule of every module, each firing
  // once per record even with several portal processes (platform/deadlines).
  const deadlines = everyInterval(
    "deadlines",
    60 * 60 * 1000,
    () =>
      runDeadlines(database.db, [...apdDeadlines, ...bourseDeadlines, ...atlasDeadlines], {
        now: new Date(),
        publicUrl: config.publicUrl,
      }),
    logger,
  );

  // Hourly: what no longer serves is removed (platform/housekeeping.ts).
  const housekeeping = everyInterval(
    "housekeeping",
    60 * 60 * 1000,
    async () => {
      const purged = {
        ...(await purgePlatform(database.db, config.sessionIdleMs)),
        ...(await purgeAccounts(database.db)),
        followLinks: await purgeExpiredFollowLinks(database.db),
      };
      logger.info({ purged }, "housekeeping");
    },
    logger,
  );

  const app = createApp({ database, config, logger, devMiddleware: options.devMiddleware });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(config.port, () => resolve(listening));
  });
  logger.info({ url: config.publicUrl, port: config.port }, "Portail AECT prêt");

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      logger.info("shutting down");
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await worker?.stop();
      await alerts.stop();
      await deadlines.stop();
      await housekeeping.stop();
      await database.close();
    })();
    return closing;
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  return { server, close, config, database };
}
