import {
  parseExportFormat,
  parseProjectFilters,
  projectExport,
} from "../../../src/modules/atlas/index";
import { appContext } from "../../context";
import { apiError } from "../../lib/api.server";
import type { Route } from "./+types/projects-export";

/** Open data: every project matching the filters, streamed as CSV, XLSX, GeoJSON or IATI. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, config } = context.get(appContext);
  const params = new URL(request.url).searchParams;
  try {
    const format = parseExportFormat(params.get("format"));
    const file = await projectExport(db, parseProjectFilters(params), format, {
      publicUrl: config.publicUrl,
      now: new Date(),
    });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return apiError(error);
  }
}
