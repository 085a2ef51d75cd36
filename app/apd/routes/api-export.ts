import { Readable } from "node:stream";
import { apdExport, parseApdExportQuery } from "../../../src/modules/apd/index";
import { appContext, requestContext } from "../../context";
import { apiError } from "../../platform/api.server";
import type { Route } from "./+types/api-export";

/** Line-level files of a year (consolidated CSV/XLSX, CRS-style CSV), DAECT only. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  try {
    const query = parseApdExportQuery(new URL(request.url).searchParams);
    const file = await apdExport(db, actor, query.year, query.format);
    return new Response(Readable.toWeb(file.body) as ReadableStream, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return apiError(error);
  }
}
