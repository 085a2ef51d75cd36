import { pipeline } from "node:stream/promises";
import type express from "express";
import type { AppServices } from "../app/context";
import { apiErrorBody } from "../app/platform/api.server";
import { parseExportFormat, parseProjectFilters, projectExport } from "../src/modules/atlas/index";
import type { PublicCache } from "../src/platform/cache";
import type { Db } from "../src/platform/db/client";
import { EXPORT_BUSY_MESSAGE, type ExportSlots } from "../src/platform/http/export-slots";

/**
 * GET /api/v1/projects/export: every project matching the filters, streamed as CSV, XLSX,
 * GeoJSON or IATI. Served here rather than by a page route so the file is piped straight
 * into the socket with Node's backpressure: the next batch is read only when the
 * client has taken the previous one, and memory stays flat for a million rows.
 */
export function projectExportHandler(
  db: Db,
  config: AppServices["config"],
  slots: ExportSlots,
  cache: PublicCache,
): express.RequestHandler {
  return async (request, response, next) => {
    const params = new URL(request.originalUrl, "http://portail").searchParams;
    const release = await slots.acquire(request.ip ?? "inconnu");
    if (!release) {
      response
        .status(503)
        .set({
          "Retry-After": "60",
          "Access-Control-Allow-Origin": "*",
          "Cache-Control": "no-store",
        })
        .json({ error: EXPORT_BUSY_MESSAGE });
      return;
    }
    // The slot is given back however the download ends (done, failed, client gone).
    response.once("close", release);
    let file: Awaited<ReturnType<typeof projectExport>>;
    try {
      const format = parseExportFormat(params.get("format"));
      file = await projectExport(db, parseProjectFilters(params), format, {
        publicUrl: config.publicUrl,
        now: new Date(),
        cache,
      });
    } catch (error) {
      const refusal = apiErrorBody(error);
      if (!refusal) return next(error);
      response.status(refusal.status).set("Access-Control-Allow-Origin", "*").json(refusal.body);
      return;
    }
    response.set({
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Access-Control-Allow-Origin": "*",
      // no-transform: compressing on the fly would buffer the whole file.
      "Cache-Control": "no-store, no-transform",
    });
    try {
      await pipeline(file.body, response);
    } catch (error) {
      // A client that goes away mid-download is not an error of the portal.
      if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") next(error);
    }
  };
}
